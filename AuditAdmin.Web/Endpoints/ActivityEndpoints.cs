using System.Security.Claims;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Identity;
using AuditAdmin.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AuditAdmin.Web.Endpoints;

/// <summary>
/// The audit log over HTTP: the list (GET with the filter in the query string, POST with it in the body) and the
/// ingestion of events from other systems. All answer 405 <c>audit_log_disabled</c> while the audit log is disabled.
/// </summary>
internal static class ActivityEndpoints
{
    /// <summary>1000 events with their largest snapshots and fields, with room to spare.</summary>
    public const long IngestionBodyLimitBytes = 16 * 1024 * 1024;

    public static IEndpointRouteBuilder MapActivityEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/_api/v3").WithTags("Audit log").RequireAuditLogEnabled();
        api.MapGet("/activity", ListFromQueryAsync)
            .WithName("ListActivities")
            .WithSummary("Lists the audit log, newest first; limit, offset and searchFilter (JSON text) in the query string.")
            .RequireScope(Scopes.ReadAuditLog, Audience.AuditReaders);
        api.MapPost("/activity/list", ListFromBodyAsync)
            .WithName("ListActivitiesByBody")
            .WithSummary("Lists the audit log, newest first; limit, offset and searchFilter in the JSON body.")
            .AcceptsJsonBody()
            .RequireScope(Scopes.ReadAuditLog, Audience.AuditReaders);
        api.MapPost("/activities", IngestAsync)
            .WithName("IngestActivities")
            .WithSummary("Records up to 1000 events sent by another system; actions that are not available are skipped.")
            .AcceptsJsonBody(IngestionBodyLimitBytes)
            // Admins only: an auditor reads the log and must not be able to add to it (separation of duties).
            .RequireScope(Scopes.WriteAuditLog, Audience.Admins);
        return app;
    }

    private static async Task<Results<Ok<ActivityListResponse>, BadRequest<ApiErrorEnvelope>>> ListFromQueryAsync(
        HttpContext context, ActivityQueryService activities, ILoggerFactory loggers, CancellationToken ct)
    {
        var (query, errors) = ActivityListRequest.FromQueryString(context.Request.Query);
        return query is null ? Invalid(context, loggers, errors) : await ListAsync(context.User, query, activities, ct);
    }

    private static async Task<Results<Ok<ActivityListResponse>, BadRequest<ApiErrorEnvelope>>> ListFromBodyAsync(
        HttpContext context, ActivityQueryService activities, ILoggerFactory loggers, CancellationToken ct)
    {
        using var body = await ApiJson.ReadBodyAsync(context.Request, ct, emptyIsObject: true);
        if (body is null)
        {
            return Invalid(context, loggers, [new("body", ApiJson.MalformedBody)]);
        }
        var (query, errors) = ActivityListRequest.FromBody(body.RootElement);
        return query is null ? Invalid(context, loggers, errors) : await ListAsync(context.User, query, activities, ct);
    }

    private static async Task<Ok<ActivityListResponse>> ListAsync(ClaimsPrincipal user, ActivityListQuery query,
        ActivityQueryService activities, CancellationToken ct)
    {
        var zone = UserTime.FindZone(user.FindFirstValue(AuditAdminClaims.TimeZone));
        var page = await activities.ListAsync(query.Filter, zone, query.Offset, query.Limit, ct);
        var users = await activities.FindUserNamesAsync(page.Items.Select(a => a.UserId), ct);
        var docs = page.Items.Select(a => ActivityDocument.From(a, users)).ToList();
        return TypedResults.Ok(new ActivityListResponse(
            PaginationResult.Create(docs, page.TotalCount, page.Offset, page.Limit)));
    }

    private static async Task<Results<Created<ActivityIngestionResponse>, BadRequest<ApiErrorEnvelope>>> IngestAsync(
        HttpContext context, ActivityIngestion ingestion, TimeProvider clock, ILoggerFactory loggers, CancellationToken ct)
    {
        using var body = await ApiJson.ReadBodyAsync(context.Request, ct, emptyIsObject: true);
        if (body is null)
        {
            return Invalid(context, loggers, [new("body", ApiJson.MalformedBody)]);
        }
        var parsed = ActivityIngestionParser.Parse(body.RootElement, clock.GetUtcNow().UtcDateTime);
        if (!parsed.IsValid)
        {
            return Invalid(context, loggers, parsed.Errors);
        }
        var sender = new IngestionSender(context.User.Id(), context.User.Identity?.Name, context.Connection.RemoteIpAddress?.ToString(),
            context.Request.Path);
        var result = await ingestion.StoreAsync(parsed.Activities, sender, ct);
        loggers.CreateLogger(typeof(ActivityEndpoints)).LogInformation(
            "User {UserId} ingested {Accepted} activities ({Skipped} skipped: not available)", context.User.Id(), result.Accepted, result.Skipped);
        // Ingested rows have no address of their own: a 201 without Location.
        return TypedResults.Created((string?)null, new ActivityIngestionResponse(result.Accepted, result.Skipped));
    }

    private static BadRequest<ApiErrorEnvelope> Invalid(HttpContext context, ILoggerFactory loggers, IReadOnlyList<ValidationFailure> errors)
    {
        loggers.CreateLogger(typeof(ActivityEndpoints)).LogInformation("Refused {Method} {Path}: {Errors}",
            context.Request.Method, context.Request.Path, string.Join("; ", errors.Select(e => $"{e.Param}: {e.Message}")));
        return ApiResults.Validation([.. errors.Select(e => new ApiError(e.Message, ApiErrorCodes.ValidationFailed, e.Param))]);
    }
}
