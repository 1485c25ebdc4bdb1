using System.Text.Json;

namespace AuditAdmin.Web.Endpoints;

/// <summary>
/// The API's one way to read JSON, from a body or from a query parameter. Null means the client sent something that
/// is not JSON we can read: malformed text, or a string holding a lone UTF-16 surrogate escape such as
/// <c>"\ud800"</c>. The parser accepts the latter, but every later read of the string throws, so it is refused here
/// (a 400) instead of failing deep inside validation (a 500).
/// </summary>
internal static class ApiJson
{
    public const string MalformedBody = "Malformed JSON body";

    /// <param name="emptyIsObject">An empty body (Content-Length 0) reads as <c>{}</c>, for bodies whose fields are all optional.</param>
    public static async Task<JsonDocument?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken,
        bool emptyIsObject = false)
    {
        if (emptyIsObject && request.ContentLength == 0)
        {
            return JsonDocument.Parse("{}");
        }
        try
        {
            return Readable(await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static JsonDocument? Parse(string text)
    {
        try
        {
            return Readable(JsonDocument.Parse(text));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonDocument? Readable(JsonDocument document)
    {
        if (IsReadable(document.RootElement))
        {
            return document;
        }
        document.Dispose();
        return null;
    }

    private static bool IsReadable(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => Decodes(() => element.GetString()),
        JsonValueKind.Array => element.EnumerateArray().All(IsReadable),
        JsonValueKind.Object => element.EnumerateObject().All(p => Decodes(() => p.Name) && IsReadable(p.Value)),
        _ => true,
    };

    private static bool Decodes(Func<string?> read)
    {
        try
        {
            read();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
