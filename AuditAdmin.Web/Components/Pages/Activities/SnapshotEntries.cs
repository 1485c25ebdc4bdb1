using System.Text.Json;

namespace AuditAdmin.Web.Components.Pages.Activities;

/// <summary>Turns an activity's snapshot (a small JSON object) into key/value pairs for display.</summary>
public static class SnapshotEntries
{
    /// <summary>
    /// Top-level properties in document order; nested values are shown as compact JSON, strings unquoted.
    /// Text that is not a JSON object is shown as one entry so that nothing recorded is hidden.
    /// </summary>
    public static IReadOnlyList<(string Key, string Value)> Parse(string? snapshot)
    {
        if (string.IsNullOrWhiteSpace(snapshot))
        {
            return [];
        }
        try
        {
            using var document = JsonDocument.Parse(snapshot);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return [("", snapshot)];
            }
            return document.RootElement.EnumerateObject()
                .Select(p => (p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.GetRawText()))
                .ToList();
        }
        catch (JsonException)
        {
            return [("", snapshot)];
        }
    }
}
