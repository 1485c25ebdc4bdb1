using System.Text.Json;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Export;

namespace AuditAdmin.Web.Endpoints;

/// <summary>A validated export request body.</summary>
internal sealed record ExportRequestBody(ExportFilters Filters, string Format, bool RestartJob);

/// <summary>Why a body was refused: the message and the offending field (GROWI's <c>param</c>).</summary>
internal sealed record ExportRequestError(string Message, string Param);

/// <summary>
/// Validates <c>{filters:{usernames?,actions?,dateFrom?,dateTo?}, format?, restartJob?}</c> as strictly as the
/// reference's route tests: filters an object; usernames strings; actions catalog values; dates ISO-8601; format one of
/// "json", "ndjson", "csv" (json when absent); restartJob a JSON boolean; dateFrom not after dateTo. Unknown properties are ignored and null counts as
/// absent. A date-only value is that whole day in the caller's time zone (dateFrom from its start, dateTo to its
/// last instant); a date-time without an offset is read in that zone too. Every problem of a body is reported, as GROWI
/// reports every failed check of a request.
/// </summary>
internal static class ExportRequestValidator
{
    public const int MaxListLength = 1000;
    public const int MaxUsernameLength = 256;

    /// <summary>
    /// The body, or every problem found (never both): a body that is not an object is the only problem that stops the
    /// checks; a missing or malformed <c>filters</c> still lets <c>format</c> and <c>restartJob</c> be checked.
    /// </summary>
    public static (ExportRequestBody? Body, IReadOnlyList<ExportRequestError> Errors) Validate(JsonElement root, TimeZoneInfo zone)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, [new ExportRequestError("The request body must be a JSON object", "body")]);
        }
        var errors = new List<ExportRequestError>();
        var filters = ReadFilters(root, zone, errors);
        var format = ReadFormat(root, errors);
        var restartJob = ReadRestartJob(root, errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        if (CanonicalJsonTooLarge(filters!))
        {
            return (null, [new ExportRequestError("filters are too large", "filters")]);
        }
        return (new ExportRequestBody(filters!, format, restartJob), []);
    }

    private static ExportFilters? ReadFilters(JsonElement root, TimeZoneInfo zone, List<ExportRequestError> errors)
    {
        if (!root.TryGetProperty("filters", out var filters) || filters.ValueKind == JsonValueKind.Null)
        {
            errors.Add(new ExportRequestError("filters is required", "filters"));
            return null;
        }
        if (filters.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ExportRequestError("filters must be an object", "filters"));
            return null;
        }
        var before = errors.Count;
        var usernames = ReadStrings(filters, "usernames", name =>
            name.Length is 0 or > MaxUsernameLength ? $"each username must be 1 to {MaxUsernameLength} characters" : null, errors);
        var actions = ReadStrings(filters, "actions", action =>
            ActionCatalog.IsSupported(action) ? null : $"'{action}' is not a supported action", errors);
        var dateFrom = ReadDate(filters, "dateFrom", zone, endOfDay: false, errors);
        var dateTo = ReadDate(filters, "dateTo", zone, endOfDay: true, errors);
        if (dateFrom > dateTo)
        {
            errors.Add(new ExportRequestError("dateFrom must not be after dateTo", "filters.dateFrom"));
        }
        return errors.Count > before ? null : new ExportFilters { Usernames = usernames, Actions = actions, DateFrom = dateFrom, DateTo = dateTo };
    }

    private static string ReadFormat(JsonElement root, List<ExportRequestError> errors)
    {
        if (!root.TryGetProperty("format", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return ExportFormatNames.Json;
        }
        if (value.ValueKind != JsonValueKind.String || !ExportFormatNames.IsKnown(value.GetString()))
        {
            errors.Add(new ExportRequestError($"format must be one of {string.Join(", ", ExportFormatNames.All.Select(f => $"\"{f}\""))}",
                "format"));
            return ExportFormatNames.Json;
        }
        return value.GetString()!;
    }

    private static bool ReadRestartJob(JsonElement root, List<ExportRequestError> errors)
    {
        if (!root.TryGetProperty("restartJob", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }
        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            errors.Add(new ExportRequestError("restartJob must be a boolean", "restartJob"));
            return false;
        }
        return value.GetBoolean();
    }

    /// <summary>The values, or null with an error for the list itself (not an array, too long) or for each bad item.</summary>
    private static List<string>? ReadStrings(JsonElement filters, string name, Func<string, string?> check, List<ExportRequestError> errors)
    {
        var param = $"filters.{name}";
        if (!filters.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new ExportRequestError($"{name} must be an array of strings", param));
            return null;
        }
        if (value.GetArrayLength() > MaxListLength)
        {
            errors.Add(new ExportRequestError($"{name} may hold at most {MaxListLength} values", param));
            return null;
        }
        var before = errors.Count;
        var values = new List<string>();
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                errors.Add(new ExportRequestError($"{name} must be an array of strings", $"{param}[{i}]"));
            }
            else if (check(item.GetString()!) is { } problem)
            {
                errors.Add(new ExportRequestError(problem, $"{param}[{i}]"));
            }
            else
            {
                values.Add(item.GetString()!);
            }
            i++;
        }
        return errors.Count > before ? null : values;
    }

    private static DateTime? ReadDate(JsonElement filters, string name, TimeZoneInfo zone, bool endOfDay, List<ExportRequestError> errors)
    {
        if (!filters.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.String && ExportDateParser.TryParse(value.GetString()!, zone, endOfDay, out var utc))
        {
            return utc;
        }
        errors.Add(new ExportRequestError($"{name} must be an ISO-8601 date or date-time", $"filters.{name}"));
        return null;
    }

    private static bool CanonicalJsonTooLarge(ExportFilters filters)
    {
        try
        {
            CanonicalExportFilters.From(filters);
            return false;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
