using System.Text.Json.Serialization;

namespace AuditAdmin.Web.Infrastructure;

/// <summary>One error of GROWI's apiv3 envelope.</summary>
public sealed record ApiError(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("param")][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Param = null,
    [property: JsonPropertyName("args")][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] object? Args = null);

/// <summary>The body of every /_api/v3 error: {"errors":[...]}.</summary>
public sealed record ApiErrorEnvelope([property: JsonPropertyName("errors")] IReadOnlyList<ApiError> Errors);

public static class ApiErrorCodes
{
    public const string ValidationFailed = "validation_failed";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not_found";
    public const string AuditLogDisabled = "audit_log_disabled";
    public const string InternalServerError = "internal_server_error";
    public const string InvalidCsrfToken = "invalid_csrf_token";
}

public static class ApiResults
{
    public static IResult Error(int statusCode, string code, string message, string? param = null, object? args = null) =>
        TypedResults.Json(new ApiErrorEnvelope([new ApiError(message, code, param, args)]), statusCode: statusCode);

    public static IResult Validation(string message, string? param = null) =>
        Error(StatusCodes.Status400BadRequest, ApiErrorCodes.ValidationFailed, message, param);

    public static IResult Validation(IReadOnlyList<ApiError> errors) =>
        TypedResults.Json(new ApiErrorEnvelope(errors), statusCode: StatusCodes.Status400BadRequest);

    public static IResult NotFound(string message = "Not found") =>
        Error(StatusCodes.Status404NotFound, ApiErrorCodes.NotFound, message);

    public static IResult AuditLogDisabled() =>
        Error(StatusCodes.Status405MethodNotAllowed, ApiErrorCodes.AuditLogDisabled, "The audit log is not enabled");

    public static Task WriteAsync(HttpContext context, int statusCode, string code, string message) =>
        Error(statusCode, code, message).ExecuteAsync(context);

    public static bool IsApiRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/_api", StringComparison.OrdinalIgnoreCase);
}
