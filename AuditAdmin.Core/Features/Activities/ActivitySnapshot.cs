using System.Text.Encodings.Web;
using System.Text.Json;

namespace AuditAdmin.Core.Features.Activities;

/// <summary>How snapshots are written to the Snapshot column: compact JSON, non-ASCII kept as is (names stay readable).</summary>
internal static class ActivitySnapshot
{
    public static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, JsonOptions);

    /// <summary>The snapshot's top-level string (and null) values; empty for no snapshot or one that is not a JSON object.</summary>
    public static Dictionary<string, string?> ReadStrings(string? snapshot)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(snapshot))
        {
            return values;
        }
        try
        {
            using var document = JsonDocument.Parse(snapshot);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Null)
                    {
                        values[property.Name] = property.Value.GetString();
                    }
                }
            }
        }
        catch (JsonException)
        {
            // A snapshot written by hand or by an older version: nothing to read from it.
        }
        return values;
    }

    public static string OfUsername(string? username) =>
        Serialize(username is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["username"] = username });
}
