using AuditAdmin.Resources;
using Microsoft.Extensions.Localization;

namespace AuditAdmin.Web.Components.Shared.Activities;

/// <summary>The reader's label of a stored action value, or the value itself while no label exists.</summary>
public static class ActionLabelText
{
    public static string Of(IStringLocalizer<ActionLabels> labels, string action)
    {
        var label = labels[action];
        return label.ResourceNotFound || string.IsNullOrWhiteSpace(label.Value) ? action : label.Value;
    }
}
