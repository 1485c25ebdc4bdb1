namespace AuditAdmin.Web.Infrastructure;

/// <summary>
/// No page may be framed by another site (clickjacking), no response is sniffed into another type, and no address
/// leaks to other sites. The policy restricts framing, plugins, the base URL and form targets only: Blazor and
/// MudBlazor need inline styles and scripts, which a stricter policy would have to allow anyway.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    internal const string ContentSecurityPolicy = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        context.Response.OnStarting(() =>
        {
            if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XFrameOptions = "DENY";
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}
