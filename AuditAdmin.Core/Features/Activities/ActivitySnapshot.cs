using System.Text.Encodings.Web;
using System.Text.Json;

namespace AuditAdmin.Core.Features.Activities;

/// <summary>How snapshots are written to the Snapshot column: compact JSON, non-ASCII kept as is (names stay readable).</summary>
internal static class ActivitySnapshot
{
    public static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, JsonOptions);

    public static string OfUsername(string? username) =>
        Serialize(username is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["username"] = username });
}
