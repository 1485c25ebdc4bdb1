using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AuditAdmin.Core.Features.Activities;

namespace AuditAdmin.Core.Features.Export;

/// <summary>
/// The one spelling of a filter set, so that equal filters hash equally: usernames and actions distinct and sorted
/// (ordinal), empty lists dropped, dates as round-trip ISO-8601 UTC strings ending in Z, keys in a fixed order.
/// </summary>
public sealed record CanonicalExportFilters(ExportFilters Filters, string Json, string Hash)
{
    /// <summary>Stays well inside the Filters column (64,000 characters).</summary>
    public const int MaxJsonLength = 60_000;

    private const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <exception cref="ArgumentException">An action outside the catalog, dateFrom after dateTo, or filters too large.</exception>
    public static CanonicalExportFilters From(ExportFilters filters)
    {
        var usernames = Normalize(filters.Usernames);
        var actions = Normalize(filters.Actions);
        if (actions?.FirstOrDefault(a => !ActionCatalog.IsSupported(a)) is { } unknown)
        {
            throw new ArgumentException($"Unknown action '{unknown}'.", nameof(filters));
        }
        var from = ToUtc(filters.DateFrom);
        var to = ToUtc(filters.DateTo);
        if (from > to)
        {
            throw new ArgumentException("dateFrom is after dateTo.", nameof(filters));
        }

        var canonical = new ExportFilters { Usernames = usernames, Actions = actions, DateFrom = from, DateTo = to };
        var json = Serialize(canonical);
        if (json.Length > MaxJsonLength)
        {
            throw new ArgumentException("The filters are too large.", nameof(filters));
        }
        return new CanonicalExportFilters(canonical, json, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json))));
    }

    /// <summary>Reads the JSON stored on a job back into filters.</summary>
    public static ExportFilters Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new ExportFilters
        {
            Usernames = root.TryGetProperty("usernames", out var u) ? u.EnumerateArray().Select(e => e.GetString()!).ToList() : null,
            Actions = root.TryGetProperty("actions", out var a) ? a.EnumerateArray().Select(e => e.GetString()!).ToList() : null,
            DateFrom = root.TryGetProperty("dateFrom", out var f) ? ParseDate(f.GetString()!) : null,
            DateTo = root.TryGetProperty("dateTo", out var t) ? ParseDate(t.GetString()!) : null,
        };
    }

    /// <summary>How a UTC instant is spelled in the canonical JSON (and in API responses about filters).</summary>
    public static string FormatDate(DateTime utc) => utc.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static DateTime ParseDate(string value) =>
        DateTime.ParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static List<string>? Normalize(IReadOnlyList<string>? values)
    {
        if (values is null || values.Count == 0)
        {
            return null;
        }
        var list = values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? null : list;
    }

    /// <summary>Unspecified kinds are taken as UTC (the model's convention); local times are converted.</summary>
    private static DateTime? ToUtc(DateTime? value) => value switch
    {
        null => null,
        { Kind: DateTimeKind.Utc } v => v,
        { Kind: DateTimeKind.Local } v => v.ToUniversalTime(),
        { } v => DateTime.SpecifyKind(v, DateTimeKind.Utc),
    };

    private static string Serialize(ExportFilters filters)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            WriteList(writer, "usernames", filters.Usernames);
            WriteList(writer, "actions", filters.Actions);
            if (filters.DateFrom is { } from)
            {
                writer.WriteString("dateFrom", FormatDate(from));
            }
            if (filters.DateTo is { } to)
            {
                writer.WriteString("dateTo", FormatDate(to));
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteList(Utf8JsonWriter writer, string name, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            return;
        }
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }
        writer.WriteEndArray();
    }
}
