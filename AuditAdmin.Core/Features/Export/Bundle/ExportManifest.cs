using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AuditAdmin.Core.Features.Export.Bundle;

/// <summary>
/// manifest.json (DESIGN 6a): what an export holds, as of when, for whom, and each data file's hash. Its exact bytes
/// are signed (manifest.p7s), so it is written once and never re-serialised before verification.
/// </summary>
public sealed record ExportManifest(
    int ManifestVersion,
    string Generator,
    Guid JobId,
    ManifestRequester RequestedBy,
    DateTime RequestedAt,
    DateTime GeneratedAt,
    ManifestAsOf AsOf,
    JsonElement Filters,
    string FilterHash,
    string Format,
    string TimeZone,
    long RecordCount,
    IReadOnlyList<ManifestFile> Files,
    string SigningCertificateSha256)
{
    public const string FileName = "manifest.json";
    public const string SignatureFileName = "manifest.p7s";
    public const string GuideFileName = "VERIFY.md";
    public const int CurrentVersion = 1;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public byte[] ToUtf8Bytes() => JsonSerializer.SerializeToUtf8Bytes(this, Options);

    /// <summary>The manifest in <paramref name="utf8"/>; null when it is not one.</summary>
    public static ExportManifest? TryParse(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return JsonSerializer.Deserialize<ExportManifest>(utf8, Options) is { Files: not null, RequestedBy: not null, AsOf: not null } manifest
                ? manifest
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

public sealed record ManifestRequester(string UserId, string? Username);

public sealed record ManifestAsOf(long ActivityId, DateTime Time);

/// <param name="FirstId">The first record's id; null in a file without records.</param>
public sealed record ManifestFile(string Name, long Records, long Bytes, string Sha256, long? FirstId, long? LastId);
