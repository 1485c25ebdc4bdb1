using System.Security.Claims;
using System.Text.Json;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Identity;
using AuditAdmin.Web.Infrastructure;

namespace AuditAdmin.Web.Endpoints;

/// <summary>
/// The audit log over HTTP: the list (GET with the filter in the query string, POST with it in the body) and the
/// ingestion of events from other systems. Both answer 405 <c>audit_log_disabled</c> while the audit log is disabled,
/// before looking at the request.
/// </summary>
public static class ActivityEndpoints
{
    public static IEndpointRouteBuilder MapActivityEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/_api/v3").WithTags("Audit log");
        api.MapGet("/activity", ListFromQueryAsync).RequireScope(Scopes.ReadAuditLog);
        api.MapPost("/activity/list", ListFromBodyAsync).RequireScope(Scopes.ReadAuditLog);
        api.MapPost("/activities", IngestAsync).RequireScope(Scopes.WriteAuditLog);
        return app;
    }

    private static async Task<IResult> ListFromQueryAsync(HttpContext context, AvailableActions available,
        ActivityQueryService activities, ILoggerFactory loggers, CancellationToken ct)
    {
        if (!available.Enabled)
        {
            return ApiResults.AuditLogDisabled();
        }
        var (query, error) = ActivityListRequest.FromQueryString(context.Request.Query);
        return query is null ? Invalid(context, loggers, [error!]) : await ListAsync(context.User, query, activities, ct);
    }

    private static async Task<IResult> ListFromBodyAsync(HttpContext context, AvailableActions available,
        ActivityQueryService activities, ILoggerFactory loggers, CancellationToken ct)
    {
        if (!available.Enabled)
        {
            return ApiResults.AuditLogDisabled();
        }
        using var body = await ReadJsonAsync(context.Request, ct);
        if (body is null)
        {
            return Invalid(context, loggers, [new("body", "Malformed JSON body")]);
        }
        var (query, error) = ActivityListRequest.FromBody(body.RootElement);
        return query is null ? Invalid(context, loggers, [error!]) : await ListAsync(context.User, query, activities, ct);
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, ActivityListQuery query, ActivityQueryService activities,
        CancellationToken ct)
    {
        var zone = UserTime.FindZone(user.FindFirstValue(AuditAdminClaims.TimeZone));
        var page = await activities.ListAsync(query.Filter, zone, query.Offset, query.Limit, ct);
        var users = await activities.FindUserNamesAsync(page.Items.Select(a => a.UserId), ct);
        var docs = page.Items.Select(a => ActivityDocument.From(a, users)).ToList();
        return TypedResults.Ok(new ActivityListResponse(
            PaginationResult.Create(docs, page.TotalCount, page.Offset, page.Limit)));
    }

    private static async Task<IResult> IngestAsync(HttpContext context, AvailableActions available, ActivityIngestion ingestion,
        TimeProvider clock, ILoggerFactory loggers, CancellationToken ct)
    {
        if (!available.Enabled)
        {
            return ApiResults.AuditLogDisabled();
        }
        using var body = await ReadJsonAsync(context.Request, ct);
        if (body is null)
        {
            return Invalid(context, loggers, [new("body", "Malformed JSON body")]);
        }
        var parsed = ActivityIngestionParser.Parse(body.RootElement, clock.GetUtcNow().UtcDateTime);
        if (!parsed.IsValid)
        {
            return Invalid(context, loggers, parsed.Errors);
        }
        var result = await ingestion.StoreAsync(parsed.Activities, ct);
        loggers.CreateLogger(typeof(ActivityEndpoints)).LogInformation(
            "User {UserId} ingested {Accepted} activities ({Skipped} skipped: not available)", context.User.Id(), result.Accepted, result.Skipped);
        return TypedResults.Json(new { accepted = result.Accepted, skipped = result.Skipped }, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>The body as JSON; an empty body reads as <c>{}</c>; null when it is not JSON.</summary>
    private static async Task<JsonDocument?> ReadJsonAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength == 0)
        {
            return JsonDocument.Parse("{}");
        }
        try
        {
            return await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult Invalid(HttpContext context, ILoggerFactory loggers, IReadOnlyList<ValidationFailure> errors)
    {
        loggers.CreateLogger(typeof(ActivityEndpoints)).LogInformation("Refused {Method} {Path}: {Errors}",
            context.Request.Method, context.Request.Path, string.Join("; ", errors.Select(e => $"{e.Param}: {e.Message}")));
        return ApiResults.Validation([.. errors.Select(e => new ApiError(e.Message, ApiErrorCodes.ValidationFailed, e.Param))]);
    }
}
