using System.Globalization;
using System.Text.Json;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Identity;

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

    public static (ActivityListQuery? Query, ValidationFailure? Error) FromQueryString(IQueryCollection query)
    {
        if (!Limit.TryRead(query, out var limit))
        {
            return (null, new(Limit.Name, Limit.RangeMessage));
        }
        if (!Offset.TryRead(query, out var offset))
        {
            return (null, new(Offset.Name, Offset.RangeMessage));
        }
        if (!query.TryGetValue("searchFilter", out var raw) || raw.Count == 0 || string.IsNullOrWhiteSpace(raw[0]))
        {
            return (new ActivityListQuery(ActivityFilter.None, offset, limit), null);
        }
        if (raw.Count > 1)
        {
            return (null, new("searchFilter", "searchFilter must be given once"));
        }
        using var document = ApiJson.Parse(raw[0]!);
        if (document is null)
        {
            return (null, new("searchFilter", "searchFilter must be a JSON object"));
        }
        var (filter, filterError) = Filter(document.RootElement);
        return filterError is null ? (new ActivityListQuery(filter!, offset, limit), null) : (null, filterError);
    }

    public static (ActivityListQuery? Query, ValidationFailure? Error) FromBody(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return (null, new("body", "The body must be a JSON object"));
        }
        if (!Limit.TryRead(body, out var limit))
        {
            return (null, new(Limit.Name, Limit.RangeMessage));
        }
        if (!Offset.TryRead(body, out var offset))
        {
            return (null, new(Offset.Name, Offset.RangeMessage));
        }
        if (!body.TryGetProperty("searchFilter", out var filterElement))
        {
            return (new ActivityListQuery(ActivityFilter.None, offset, limit), null);
        }
        var (filter, filterError) = Filter(filterElement);
        return filterError is null ? (new ActivityListQuery(filter!, offset, limit), null) : (null, filterError);
    }

    private static (ActivityFilter? Filter, ValidationFailure? Error) Filter(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return (ActivityFilter.None, null);
        }
        if (element.ValueKind != JsonValueKind.Object)
        {
            return (null, new("searchFilter", "searchFilter must be an object"));
        }
        var usernames = Strings(element, "usernames", out var error);
        var actions = error is null ? Strings(element, "actions", out error) : null;
        if (error is not null)
        {
            return (null, error);
        }
        DateOnly? start = null, end = null;
        if (element.TryGetProperty("dates", out var dates) && dates.ValueKind != JsonValueKind.Null)
        {
            if (dates.ValueKind != JsonValueKind.Object)
            {
                return (null, new("searchFilter.dates", "dates must be an object"));
            }
            start = Date(dates, "startDate", out error);
            end = error is null ? Date(dates, "endDate", out error) : null;
            if (error is not null)
            {
                return (null, error);
            }
            if (start > end)
            {
                return (null, new("searchFilter.dates", "startDate must not be after endDate"));
            }
        }
        string? source = null;
        if (element.TryGetProperty("source", out var sourceElement) && sourceElement.ValueKind != JsonValueKind.Null)
        {
            source = sourceElement.ValueKind == JsonValueKind.String ? sourceElement.GetString() : null;
            if (source is not (ActivitySources.App or ActivitySources.Ingested))
            {
                return (null, new("searchFilter.source", $"source must be \"{ActivitySources.App}\" or \"{ActivitySources.Ingested}\""));
            }
        }
        return (new ActivityFilter { Usernames = usernames, Actions = actions, StartDate = start, EndDate = end, Source = source }, null);
    }

    private static List<string>? Strings(JsonElement filter, string name, out ValidationFailure? error)
    {
        error = null;
        var param = $"searchFilter.{name}";
        if (!filter.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() > MaxFilterValues)
        {
            error = new(param, $"{name} must be an array of at most {MaxFilterValues} strings");
            return null;
        }
        var result = new List<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                error = new($"{param}[{index}]", $"{name} must hold strings only");
                return null;
            }
            result.Add(item.GetString()!);
            index++;
        }
        return result;
    }

    private static DateOnly? Date(JsonElement dates, string name, out ValidationFailure? error)
    {
        error = null;
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
        error = new($"searchFilter.dates.{name}",
            $"{name} must be a date written {DateFormat}, from {UserTime.FirstSupportedDay:yyyy-MM-dd} to {UserTime.LastSupportedDay:yyyy-MM-dd}");
        return null;
    }
}
