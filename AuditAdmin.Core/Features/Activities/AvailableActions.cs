using Microsoft.Extensions.Options;

namespace AuditAdmin.Core.Features.Activities;

/// <summary>
/// Which actions are recorded and searchable under the current configuration, computed as the reference does:
/// disabled → essentials only; else group (falsy → SMALL, unknown → none) + additional − excluded (+ essentials).
/// Unlike the reference, the chain of custody (<see cref="ActionGroups.Custody"/>) is always in, whatever the settings:
/// <see cref="Compute"/> is the reference's rule, <see cref="Get"/> adds the custody actions to it.
/// </summary>
public sealed class AvailableActions(IOptionsMonitor<AuditLogOptions> options)
{
    public bool Enabled => options.CurrentValue.Enabled;

    public IReadOnlyList<string> Get(bool includeEssential) => WithCustody(Compute(options.CurrentValue, includeEssential));

    /// <summary>The reference's actions plus the chain of custody, which no setting turns off (DESIGN 8.10).</summary>
    public static IReadOnlyList<string> WithCustody(IReadOnlyList<string> actions) =>
        actions.Union(ActionCatalog.InGroup(ActionGroups.Custody), StringComparer.Ordinal).ToList();

    public bool IsAvailable(string action, bool includeEssential = true) => Get(includeEssential).Contains(action, StringComparer.Ordinal);

    /// <summary>The same actions as a set, for checking many values at once (ingestion).</summary>
    public IReadOnlySet<string> GetSet(bool includeEssential) => Get(includeEssential).ToHashSet(StringComparer.Ordinal);

    public static IReadOnlyList<string> Compute(AuditLogOptions settings, bool includeEssential)
    {
        if (!settings.Enabled)
        {
            return ActionCatalog.InGroup(ActionGroups.Essential).ToList();
        }
        var group = string.IsNullOrEmpty(settings.ActionGroupSize) ? "SMALL" : settings.ActionGroupSize;
        IEnumerable<string> baseSet = group switch
        {
            "SMALL" => ActionCatalog.InGroup(ActionGroups.Small),
            "MEDIUM" => ActionCatalog.InGroup(ActionGroups.Medium),
            "LARGE" => ActionCatalog.InGroup(ActionGroups.Large),
            _ => [],
        };
        // An ordered set: insertion order, as the reference's Set.
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string a)
        {
            if (seen.Add(a))
            {
                result.Add(a);
            }
        }
        foreach (var a in baseSet)
        {
            Add(a);
        }
        foreach (var a in ParseList(settings.AdditionalActions))
        {
            Add(a);
        }
        var excluded = ParseList(settings.ExcludeActions).ToHashSet(StringComparer.Ordinal);
        result.RemoveAll(excluded.Contains);
        seen.ExceptWith(excluded);
        if (includeEssential)
        {
            foreach (var a in ActionCatalog.InGroup(ActionGroups.Essential))
            {
                Add(a);
            }
        }
        return result;
    }

    /// <summary>Split on commas, trim, keep only exact stored values of the catalog.</summary>
    public static IEnumerable<string> ParseList(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(ActionCatalog.IsSupported);
}
