using AuditAdmin.Core.Features.Activities;

namespace AuditAdmin.Web.Components.Shared.Activities;

/// <summary>The available actions of one category, in the order the action selector shows them.</summary>
public sealed record ActionCategoryGroup(ActionCategory Category, IReadOnlyList<string> Actions)
{
    /// <summary>
    /// Groups actions by their catalog category, categories in <see cref="ActionCategory"/> order,
    /// actions in the order given. Categories without an action are left out.
    /// </summary>
    public static IReadOnlyList<ActionCategoryGroup> Build(IEnumerable<string> actions) =>
        actions
            .Select(action => (Action: action, Category: ActionCatalog.Find(action)?.Category ?? ActionCategory.Other))
            .GroupBy(a => a.Category)
            .OrderBy(g => g.Key)
            .Select(g => new ActionCategoryGroup(g.Key, g.Select(a => a.Action).ToList()))
            .ToList();
}
