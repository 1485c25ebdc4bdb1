namespace AuditAdmin.Web.Infrastructure;

/// <summary>
/// Refuses cross-site unsafe requests to the API that would ride on the browser's cookie.
/// Browsers mark every request with Sec-Fetch-Site (and Origin on POST); a request carrying a bearer
/// token cannot be forged by another site, and non-browser clients send neither header.
/// </summary>
internal sealed class CrossSiteRequestProtection(RequestDelegate next, ILogger<CrossSiteRequestProtection> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!ApiResults.IsApiRequest(request) || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || HttpMethods.IsOptions(request.Method) || AccessTokenAuthenticationHandler.BearerToken(request) is not null
            || IsSameOrigin(request))
        {
            return next(context);
        }
        logger.LogWarning("Refused cross-site {Method} {Path}", request.Method, request.Path);
        return ApiResults.WriteAsync(context, StatusCodes.Status403Forbidden, ApiErrorCodes.InvalidCsrfToken,
            "Cross-site request refused");
    }

    internal static bool IsSameOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site is "same-origin" or "none";
        }
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }
        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
