using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using AuditAdmin.Core.Features.Activities;

namespace AuditAdmin.Web.Endpoints;

/// <summary>A user as GROWI serialises a populated reference (an activity's actor, a notification's owner): id and name only.</summary>
public sealed record UserReferenceDocument(
    [property: JsonPropertyName("_id")] string Id,
    [property: JsonPropertyName("username")] string? Username);

/// <summary>
/// One activity with GROWI's field names, so clients written for GROWI keep working, then its provenance: <c>source</c>
/// ("app" or "ingested") and, for an ingested row, <c>ingestedBy</c>.
/// </summary>
internal sealed record ActivityDocument(
    [property: JsonPropertyName("_id")] string UnderscoreId,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("user")] UserReferenceDocument? User,
    [property: JsonPropertyName("username")] string? Username,
    [property: JsonPropertyName("ip")] string? Ip,
    [property: JsonPropertyName("endpoint")] string? Endpoint,
    [property: JsonPropertyName("targetModel")] string? TargetModel,
    [property: JsonPropertyName("target")] string? Target,
    [property: JsonPropertyName("eventModel")] string? EventModel,
    [property: JsonPropertyName("event")] string? Event,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("snapshot")] JsonElement? Snapshot,
    [property: JsonPropertyName("createdAt")] string CreatedAt,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("ingestedBy"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? IngestedBy)
{
    /// <summary><paramref name="users"/>: current names of the users that still exist (a deleted actor becomes null).</summary>
    public static ActivityDocument From(Activity a, IReadOnlyDictionary<string, string?> users)
    {
        var id = a.Id.ToString(CultureInfo.InvariantCulture);
        var user = a.UserId is { } uid && users.TryGetValue(uid, out var name) ? new UserReferenceDocument(uid, name) : null;
        return new ActivityDocument(id, id, user, a.Username, a.Ip, a.Endpoint, a.TargetModel, a.Target, a.EventModel, a.Event,
            a.Action, ParseSnapshot(a.Snapshot), FormatInstant(a.CreatedAt), a.Source,
            a.Source == ActivitySources.Ingested ? a.IngestedBy : null);
    }

    /// <summary>ISO-8601 UTC with milliseconds and "Z", as JavaScript's toISOString writes it.</summary>
    public static string FormatInstant(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static JsonElement? ParseSnapshot(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>mongoose-paginate-v2's result, which GROWI returns as <c>serializedPaginationResult</c>.</summary>
internal sealed record PaginationResult<T>(
    [property: JsonPropertyName("docs")] IReadOnlyList<T> Docs,
    [property: JsonPropertyName("totalDocs")] int TotalDocs,
    [property: JsonPropertyName("offset")] int Offset,
    [property: JsonPropertyName("limit")] int Limit,
    [property: JsonPropertyName("totalPages")] int TotalPages,
    [property: JsonPropertyName("page")] int Page,
    [property: JsonPropertyName("pagingCounter")] int PagingCounter,
    [property: JsonPropertyName("hasPrevPage")] bool HasPrevPage,
    [property: JsonPropertyName("hasNextPage")] bool HasNextPage,
    [property: JsonPropertyName("prevPage")] int? PrevPage,
    [property: JsonPropertyName("nextPage")] int? NextPage);

internal static class PaginationResult
{
    /// <summary>The same arithmetic as mongoose-paginate-v2 when given an offset (limit ≥ 1).</summary>
    public static PaginationResult<T> Create<T>(IReadOnlyList<T> docs, int totalDocs, int offset, int limit)
    {
        var page = (int)Math.Ceiling((offset + 1) / (double)limit);
        var totalPages = Math.Max(1, (int)Math.Ceiling(totalDocs / (double)limit));
        var hasPrev = page > 1 || offset != 0;
        var hasNext = page < totalPages;
        return new PaginationResult<T>(docs, totalDocs, offset, limit, totalPages, page, (page - 1) * limit + 1,
            hasPrev, hasNext, page > 1 ? page - 1 : hasPrev ? 1 : null, hasNext ? page + 1 : null);
    }
}

internal sealed record ActivityListResponse(
    [property: JsonPropertyName("serializedPaginationResult")] PaginationResult<ActivityDocument> SerializedPaginationResult);

/// <summary>What POST /_api/v3/activities stored (accepted) and left out because the action is not available (skipped).</summary>
internal sealed record ActivityIngestionResponse(
    [property: JsonPropertyName("accepted")] int Accepted,
    [property: JsonPropertyName("skipped")] int Skipped);
