using Microsoft.AspNetCore.Diagnostics;

namespace AuditAdmin.Web.Infrastructure;

/// <summary>API and download errors get the envelope and no stack trace; the detail goes to the server log.</summary>
internal sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        // By now the middleware has rewritten Request.Path to the error page; the feature keeps the path that failed.
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path.Value;
        if (!ApiResults.IsEnvelopePath(path))
        {
            return false;
        }
        if (exception is BadHttpRequestException bad)
        {
            logger.LogInformation(exception, "Bad API request {Method} {Path}", context.Request.Method, path);
            if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                await ApiResults.WriteAsync(context, bad.StatusCode, ApiErrorCodes.PayloadTooLarge, "The request body is too large");
                return true;
            }
            await ApiResults.WriteAsync(context, StatusCodes.Status400BadRequest, ApiErrorCodes.ValidationFailed,
                bad.InnerException is System.Text.Json.JsonException ? "Malformed JSON body" : "Bad request");
            return true;
        }
        logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, path);
        await ApiResults.WriteAsync(context, StatusCodes.Status500InternalServerError, ApiErrorCodes.InternalServerError,
            "An unexpected error occurred");
        return true;
    }
}
