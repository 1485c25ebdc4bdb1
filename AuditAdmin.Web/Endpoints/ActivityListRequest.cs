using System.Globalization;
using System.Text.Json;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Identity;
using Microsoft.Extensions.Primitives;

namespace AuditAdmin.Web.Endpoints;

/// <summary>What the list API was asked for, once validated.</summary>
internal sealed record ActivityListQuery(ActivityFilter Filter, int Offset, int Limit);

/// <summary>
/// Reads the list API's parameters from the query string (GET, <c>searchFilter</c> as JSON text) or the body (POST):
/// <c>limit</c> 1..100 (default 20, as the reference), <c>offset</c> ≥ 0 (default 0), <c>searchFilter</c> optional:
/// <c>{usernames?: string[], actions?: string[], dates?: {startDate?: "yyyy-MM-dd"|null, endDate?: "yyyy-MM-dd"|null},
/// source?: "app"|"ingested"}</c>.
/// </summary>
internal static class ActivityListRequest
{
    public const int DefaultLimit = 20;
    public const int MaxFilterValues = 1000;
    private const string DateFormat = "yyyy-MM-dd";

    private static readonly IntegerParameter Limit = new("limit", DefaultLimit, 1, ActivityQueryService.MaxLimit);
    private static readonly IntegerParameter Offset = new("offset", 0, 0, int.MaxValue);

    /// <summary>The query, or every problem found (never both).</summary>
    public static (ActivityListQuery? Query, IReadOnlyList<ValidationFailure> Errors) FromQueryString(IQueryCollection query)
    {
        var errors = new List<ValidationFailure>();
        var limit = Read(Limit, Limit.TryRead(query, out var l), l, errors);
        var offset = Read(Offset, Offset.TryRead(query, out var o), o, errors);
        var filter = ActivityFilter.None;
        if (query.TryGetValue("searchFilter", out var raw) && raw.Count > 0 && !string.IsNullOrWhiteSpace(raw[0]))
        {
            filter = FilterText(raw, errors);
        }
        return Result(filter, offset, limit, errors);
    }

    /// <summary>The query, or every problem found (never both); a body that is not an object is the only one that stops the checks.</summary>
    public static (ActivityListQuery? Query, IReadOnlyList<ValidationFailure> Errors) FromBody(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return (null, [new("body", "The body must be a JSON object")]);
        }
        var errors = new List<ValidationFailure>();
        var limit = Read(Limit, Limit.TryRead(body, out var l), l, errors);
        var offset = Read(Offset, Offset.TryRead(body, out var o), o, errors);
        var filter = body.TryGetProperty("searchFilter", out var filterElement) ? Filter(filterElement, errors) : ActivityFilter.None;
        return Result(filter, offset, limit, errors);
    }

    private static int Read(IntegerParameter parameter, bool valid, int value, List<ValidationFailure> errors)
    {
        if (!valid)
        {
            errors.Add(new(parameter.Name, parameter.RangeMessage));
        }
        return value;
    }

    private static (ActivityListQuery?, IReadOnlyList<ValidationFailure>) Result(ActivityFilter? filter, int offset, int limit,
        List<ValidationFailure> errors) =>
        errors.Count == 0 ? (new ActivityListQuery(filter!, offset, limit), []) : (null, errors);

    private static ActivityFilter? FilterText(StringValues raw, List<ValidationFailure> errors)
    {
        if (raw.Count > 1)
        {
            errors.Add(new("searchFilter", "searchFilter must be given once"));
            return null;
        }
        using var document = ApiJson.Parse(raw[0]!);
        if (document is null)
        {
            errors.Add(new("searchFilter", "searchFilter must be a JSON object"));
            return null;
        }
        return Filter(document.RootElement, errors);
    }

    /// <summary>The filter, or null with its problems added to <paramref name="errors"/>.</summary>
    private static ActivityFilter? Filter(JsonElement element, List<ValidationFailure> errors)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return ActivityFilter.None;
        }
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new("searchFilter", "searchFilter must be an object"));
            return null;
        }
        var before = errors.Count;
        var usernames = Strings(element, "usernames", errors);
        var actions = Strings(element, "actions", errors);
        DateOnly? start = null, end = null;
        if (element.TryGetProperty("dates", out var dates) && dates.ValueKind != JsonValueKind.Null)
        {
            if (dates.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new("searchFilter.dates", "dates must be an object"));
            }
            else
            {
                start = Date(dates, "startDate", errors);
                end = Date(dates, "endDate", errors);
                if (start > end)
                {
                    errors.Add(new("searchFilter.dates", "startDate must not be after endDate"));
                }
            }
        }
        string? source = null;
        if (element.TryGetProperty("source", out var sourceElement) && sourceElement.ValueKind != JsonValueKind.Null)
        {
            source = sourceElement.ValueKind == JsonValueKind.String ? sourceElement.GetString() : null;
            if (source is not (ActivitySources.App or ActivitySources.Ingested))
            {
                errors.Add(new("searchFilter.source", $"source must be \"{ActivitySources.App}\" or \"{ActivitySources.Ingested}\""));
            }
        }
        return errors.Count > before
            ? null
            : new ActivityFilter { Usernames = usernames, Actions = actions, StartDate = start, EndDate = end, Source = source };
    }

    /// <summary>The values, or null with an error for the list itself (not an array, too long) or for each item that is not a string.</summary>
    private static List<string>? Strings(JsonElement filter, string name, List<ValidationFailure> errors)
    {
        var param = $"searchFilter.{name}";
        if (!filter.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() > MaxFilterValues)
        {
            errors.Add(new(param, $"{name} must be an array of at most {MaxFilterValues} strings"));
            return null;
        }
        var before = errors.Count;
        var result = new List<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                errors.Add(new($"{param}[{index}]", $"{name} must hold strings only"));
            }
            else
            {
                result.Add(item.GetString()!);
            }
            index++;
        }
        return errors.Count > before ? null : result;
    }

    private static DateOnly? Date(JsonElement dates, string name, List<ValidationFailure> errors)
    {
        if (!dates.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(value.GetString(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && UserTime.IsSupportedDay(date))
        {
            return date;
        }
        errors.Add(new($"searchFilter.dates.{name}",
            $"{name} must be a date written {DateFormat}, from {UserTime.FirstSupportedDay:yyyy-MM-dd} to {UserTime.LastSupportedDay:yyyy-MM-dd}"));
        return null;
    }
}
