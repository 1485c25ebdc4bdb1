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
/// last instant); a date-time without an offset is read in that zone too.
/// </summary>
internal static class ExportRequestValidator
{
    public const int MaxListLength = 1000;
    public const int MaxUsernameLength = 256;

    public static (ExportRequestBody? Body, ExportRequestError? Error) Validate(JsonElement root, TimeZoneInfo zone)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Fail("The request body must be a JSON object", "body");
        }
        if (!root.TryGetProperty("filters", out var filters) || filters.ValueKind == JsonValueKind.Null)
        {
            return Fail("filters is required", "filters");
        }
        if (filters.ValueKind != JsonValueKind.Object)
        {
            return Fail("filters must be an object", "filters");
        }

        var (usernames, usernamesError) = ReadStrings(filters, "usernames", name =>
            name.Length is 0 or > MaxUsernameLength ? $"each username must be 1 to {MaxUsernameLength} characters" : null);
        if (usernamesError is not null)
        {
            return (null, usernamesError);
        }
        var (actions, actionsError) = ReadStrings(filters, "actions", action =>
            ActionCatalog.IsSupported(action) ? null : $"'{action}' is not a supported action");
        if (actionsError is not null)
        {
            return (null, actionsError);
        }
        var (dateFrom, fromError) = ReadDate(filters, "dateFrom", zone, endOfDay: false);
        if (fromError is not null)
        {
            return (null, fromError);
        }
        var (dateTo, toError) = ReadDate(filters, "dateTo", zone, endOfDay: true);
        if (toError is not null)
        {
            return (null, toError);
        }
        if (dateFrom > dateTo)
        {
            return Fail("dateFrom must not be after dateTo", "filters.dateFrom");
        }

        var format = ExportFormatNames.Json;
        if (root.TryGetProperty("format", out var formatValue) && formatValue.ValueKind != JsonValueKind.Null)
        {
            if (formatValue.ValueKind != JsonValueKind.String || !ExportFormatNames.IsKnown(formatValue.GetString()))
            {
                return Fail($"format must be one of {string.Join(", ", ExportFormatNames.All.Select(f => $"\"{f}\""))}", "format");
            }
            format = formatValue.GetString()!;
        }
        var restartJob = false;
        if (root.TryGetProperty("restartJob", out var restart) && restart.ValueKind != JsonValueKind.Null)
        {
            if (restart.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return Fail("restartJob must be a boolean", "restartJob");
            }
            restartJob = restart.GetBoolean();
        }

        var body = new ExportRequestBody(new ExportFilters { Usernames = usernames, Actions = actions, DateFrom = dateFrom, DateTo = dateTo }, format,
            restartJob);
        if (CanonicalJsonTooLarge(body.Filters))
        {
            return Fail("filters are too large", "filters");
        }
        return (body, null);
    }

    private static (List<string>? Values, ExportRequestError? Error) ReadStrings(JsonElement filters, string name, Func<string, string?> check)
    {
        var param = $"filters.{name}";
        if (!filters.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return (null, null);
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            return (null, new ExportRequestError($"{name} must be an array of strings", param));
        }
        if (value.GetArrayLength() > MaxListLength)
        {
            return (null, new ExportRequestError($"{name} may hold at most {MaxListLength} values", param));
        }
        var values = new List<string>();
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return (null, new ExportRequestError($"{name} must be an array of strings", $"{param}[{i}]"));
            }
            var text = item.GetString()!;
            if (check(text) is { } problem)
            {
                return (null, new ExportRequestError(problem, $"{param}[{i}]"));
            }
            values.Add(text);
            i++;
        }
        return (values, null);
    }

    private static (DateTime? Value, ExportRequestError? Error) ReadDate(JsonElement filters, string name, TimeZoneInfo zone, bool endOfDay)
    {
        var param = $"filters.{name}";
        if (!filters.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return (null, null);
        }
        if (value.ValueKind == JsonValueKind.String && ExportDateParser.TryParse(value.GetString()!, zone, endOfDay, out var utc))
        {
            return (utc, null);
        }
        return (null, new ExportRequestError($"{name} must be an ISO-8601 date or date-time", param));
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

    private static (ExportRequestBody?, ExportRequestError?) Fail(string message, string param) => (null, new ExportRequestError(message, param));
}
