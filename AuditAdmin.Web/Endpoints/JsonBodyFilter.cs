using AuditAdmin.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace AuditAdmin.Web.Endpoints;

/// <summary>
/// For endpoints that read a JSON body (through <see cref="ApiJson"/>): a body sent as anything but UTF-8 JSON is
/// 415 <c>unsupported_media_type</c> before the handler reads a byte, and the body may not exceed the endpoint's
/// size limit (413 <c>payload_too_large</c>, written by the exception handler). A request without a body passes:
/// each handler says what an empty body means.
/// </summary>
internal sealed class JsonBodyFilter : IEndpointFilter
{
    public const long DefaultLimitBytes = 1024 * 1024;

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var hasBody = request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
        if (hasBody && !IsUtf8Json(request.ContentType))
        {
            return ValueTask.FromResult<object?>(ApiResults.Error(StatusCodes.Status415UnsupportedMediaType, ApiErrorCodes.UnsupportedMediaType,
                "The body must be JSON sent as Content-Type: application/json"));
        }
        return next(context);
    }

    /// <summary>application/json or application/*+json, in UTF-8 (no charset, or charset=utf-8).</summary>
    internal static bool IsUtf8Json(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || media.MediaType.Value is not { } type)
        {
            return false;
        }
        var json = type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        var charset = media.Charset.Value;
        return json && (charset is null || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase));
    }
}

internal static class JsonBodyFilterExtensions
{
    /// <summary>Adds <see cref="JsonBodyFilter"/> and a body size limit (1 MB unless given), and documents the 413 and 415.</summary>
    public static TBuilder AcceptsJsonBody<TBuilder>(this TBuilder builder, long limitBytes = JsonBodyFilter.DefaultLimitBytes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, JsonBodyFilter>()
            .WithMetadata(new RequestSizeLimitAttribute(limitBytes))
            .ProducesApiError(StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
}
