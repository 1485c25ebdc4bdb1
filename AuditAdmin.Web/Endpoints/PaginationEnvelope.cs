using System.Text.Json.Serialization;

namespace AuditAdmin.Web.Endpoints;

/// <summary>
/// GROWI's pagination result (mongoose-paginate-v2 with an offset): page numbers are derived from offset and limit,
/// so an offset that is not a multiple of the limit still has a previous page.
/// </summary>
public sealed record PaginationEnvelope<T>(
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

public static class PaginationEnvelope
{
    public static PaginationEnvelope<T> Create<T>(IReadOnlyList<T> docs, int totalDocs, int offset, int limit)
    {
        var page = (offset / limit) + 1;
        var totalPages = Math.Max(1, (totalDocs + limit - 1) / limit);
        var hasPrev = page > 1 || offset > 0;
        var hasNext = page < totalPages;
        return new PaginationEnvelope<T>(docs, totalDocs, offset, limit, totalPages, page,
            PagingCounter: ((page - 1) * limit) + 1,
            HasPrevPage: hasPrev,
            HasNextPage: hasNext,
            PrevPage: hasPrev ? Math.Max(1, page - 1) : null,
            NextPage: hasNext ? page + 1 : null);
    }
}
