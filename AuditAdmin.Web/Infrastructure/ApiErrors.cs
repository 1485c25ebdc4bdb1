using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AuditAdmin.Web.Infrastructure;

/// <summary>One error of GROWI's apiv3 envelope.</summary>
public sealed record ApiError(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("param")][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Param = null,
    [property: JsonPropertyName("args")][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] object? Args = null);

/// <summary>The body of every /_api/v3 error: {"errors":[...]}.</summary>
public sealed record ApiErrorEnvelope([property: JsonPropertyName("errors")] IReadOnlyList<ApiError> Errors)
{
    public static ApiErrorEnvelope Of(string code, string message, string? param = null, object? args = null) =>
        new([new ApiError(message, code, param, args)]);
}

public static class ApiErrorCodes
{
    public const string ValidationFailed = "validation_failed";
    public const string PayloadTooLarge = "payload_too_large";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not_found";
    public const string AuditLogDisabled = "audit_log_disabled";
    public const string InternalServerError = "internal_server_error";
    public const string InvalidCsrfToken = "invalid_csrf_token";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string TooManyRequests = "too_many_requests";
    public const string PasswordChangeRequired = "password_change_required";
}

/// <summary>
/// The envelope as typed results. The framework's own types are used where one exists for the status (400, 404, 409,
/// 500), so the OpenAPI document sees the status and the envelope schema from the handler's signature.
/// </summary>
public static class ApiResults
{
    public static JsonHttpResult<ApiErrorEnvelope> Error(int statusCode, string code, string message, string? param = null,
        object? args = null) =>
        TypedResults.Json(ApiErrorEnvelope.Of(code, message, param, args), statusCode: statusCode);

    public static BadRequest<ApiErrorEnvelope> Validation(string message, string? param = null) =>
        TypedResults.BadRequest(ApiErrorEnvelope.Of(ApiErrorCodes.ValidationFailed, message, param));

    public static BadRequest<ApiErrorEnvelope> Validation(IReadOnlyList<ApiError> errors) =>
        TypedResults.BadRequest(new ApiErrorEnvelope(errors));

    public static NotFound<ApiErrorEnvelope> NotFound(string message) =>
        TypedResults.NotFound(ApiErrorEnvelope.Of(ApiErrorCodes.NotFound, message));

    public static Conflict<ApiErrorEnvelope> Conflict(string code, string message, object? args = null) =>
        TypedResults.Conflict(ApiErrorEnvelope.Of(code, message, args: args));

    public static InternalServerError<ApiErrorEnvelope> InternalError(string code, string message) =>
        TypedResults.InternalServerError(ApiErrorEnvelope.Of(code, message));

    public static JsonHttpResult<ApiErrorEnvelope> AuditLogDisabled() =>
        Error(StatusCodes.Status405MethodNotAllowed, ApiErrorCodes.AuditLogDisabled, "The audit log is not enabled");

    public static Task WriteAsync(HttpContext context, int statusCode, string code, string message) =>
        Error(statusCode, code, message).ExecuteAsync(context);

    public static bool IsApiRequest(HttpRequest request) => IsApiPath(request.Path);

    public static bool IsApiPath(PathString path) => path.StartsWithSegments("/_api", StringComparison.OrdinalIgnoreCase);

    /// <summary>The paths whose errors are always the envelope, never an HTML page: the API and the downloads.</summary>
    public static bool IsEnvelopePath(PathString path) =>
        IsApiPath(path) || path.StartsWithSegments("/download", StringComparison.OrdinalIgnoreCase);

    /// <summary>The envelope code of an error status that no handler explained (an unknown path, a wrong method...).</summary>
    public static string CodeFor(int statusCode) => statusCode switch
    {
        StatusCodes.Status400BadRequest => ApiErrorCodes.ValidationFailed,
        StatusCodes.Status401Unauthorized => ApiErrorCodes.Unauthorized,
        StatusCodes.Status403Forbidden => ApiErrorCodes.Forbidden,
        StatusCodes.Status404NotFound => ApiErrorCodes.NotFound,
        StatusCodes.Status405MethodNotAllowed => ApiErrorCodes.MethodNotAllowed,
        StatusCodes.Status413PayloadTooLarge => ApiErrorCodes.PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => ApiErrorCodes.UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => ApiErrorCodes.TooManyRequests,
        >= 500 => ApiErrorCodes.InternalServerError,
        _ => $"http_{statusCode}",
    };
}
