using System.Security.Claims;
using AuditAdmin.Core.Features.Export;
using AuditAdmin.Core.Features.Export.Request;
using AuditAdmin.Core.Identity;
using AuditAdmin.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AuditAdmin.Web.Endpoints;

internal static class ExportEndpoints
{
    public const string DuplicateCode = "audit_log_bulk_export.duplicate_export_job_error";
    public const string FailedCode = "audit_log_bulk_export.failed_to_export";
    public const string AlreadyEndedCode = "audit_log_bulk_export.job_already_ended";
    public const string Path = "/_api/v3/audit-log-bulk-export";

    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Path).WithTags("Audit-log bulk export");

        group.MapPost("", RequestAsync)
            .WithName("RequestAuditLogBulkExport")
            .WithSummary("Starts an export of the matching audit-log records, or restarts the same one in progress (restartJob).")
            // 1 MB: far above any real filter set; stops a client from making the server parse megabytes.
            .AcceptsJsonBody()
            .RequireAuditLogEnabled()
            .RequireScope(Scopes.WriteAuditLog, Audience.AuditReaders);

        group.MapPost("/estimate", EstimateAsync)
            .WithName("EstimateAuditLogBulkExport")
            .WithSummary("Counts the records an export with these filters would hold (exactly, up to a cap) and estimates its size.")
            .AcceptsJsonBody()
            .RequireAuditLogEnabled()
            .RequireScope(Scopes.ReadAuditLog, Audience.AuditReaders);

        group.MapGet("", ListAsync)
            .WithName("ListAuditLogBulkExports")
            .WithSummary("Lists the caller's export jobs, newest first.")
            .RequireScope(Scopes.ReadAuditLog, Audience.AuditReaders);

        group.MapGet("/{jobId:guid}", GetAsync)
            .WithName("GetAuditLogBulkExport")
            .WithSummary("One export job of the caller, with its download address while the zip can be downloaded.")
            .RequireScope(Scopes.ReadAuditLog, Audience.AuditReaders);

        group.MapDelete("/{jobId:guid}", CancelAsync)
            .WithName("CancelAuditLogBulkExport")
            .WithSummary("Cancels the caller's export in progress: it stops, its files go, its owner is notified.")
            .RequireScope(Scopes.WriteAuditLog, Audience.AuditReaders);
        return app;
    }

    private static async Task<Results<Created<ExportJobCreated>, BadRequest<ApiErrorEnvelope>, Conflict<ApiErrorEnvelope>,
        InternalServerError<ApiErrorEnvelope>>> RequestAsync(HttpContext context, ClaimsPrincipal user, ExportService exports,
        ILoggerFactory loggers, CancellationToken ct)
    {
        using var document = await ApiJson.ReadBodyAsync(context.Request, ct);
        if (document is null)
        {
            return ApiResults.Validation(ApiJson.MalformedBody, "body");
        }
        var zone = UserTime.FindZone(user.FindFirstValue(AuditAdminClaims.TimeZone));
        var (body, errors) = ExportRequestValidator.Validate(document.RootElement, zone);
        if (body is null)
        {
            return Invalid(errors);
        }
        try
        {
            var origin = new RequestOrigin(context.Connection.RemoteIpAddress?.ToString(), context.Request.Path);
            var result = await exports.RequestAsync(user.Id(), body.Filters, body.Format, body.RestartJob, origin, ct);
            return result switch
            {
                ExportRequestResult.Accepted accepted =>
                    TypedResults.Created($"{Path}/{accepted.JobId}", new ExportJobCreated(accepted.JobId)),
                ExportRequestResult.Duplicate duplicate => ApiResults.Conflict(DuplicateCode,
                    "Duplicate audit-log bulk export job is in progress",
                    new DuplicateExportArgs(new DuplicateExportJob(duplicate.JobId, duplicate.CreatedAt))),
                _ => throw new InvalidOperationException($"Unexpected result {result}"),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            loggers.CreateLogger(typeof(ExportEndpoints)).LogError(ex, "Could not create an audit-log export for user {UserId}", user.Id());
            return ApiResults.InternalError(FailedCode, "Failed to export audit logs");
        }
    }

    /// <summary>The export body's own validation (a format is optional and sizes the estimate); restartJob is ignored.</summary>
    private static async Task<Results<Ok<ExportEstimateResponse>, BadRequest<ApiErrorEnvelope>>> EstimateAsync(HttpContext context,
        ClaimsPrincipal user, ExportEstimator estimator, CancellationToken ct)
    {
        using var document = await ApiJson.ReadBodyAsync(context.Request, ct);
        if (document is null)
        {
            return ApiResults.Validation(ApiJson.MalformedBody, "body");
        }
        var zone = UserTime.FindZone(user.FindFirstValue(AuditAdminClaims.TimeZone));
        var (body, errors) = ExportRequestValidator.Validate(document.RootElement, zone);
        if (body is null)
        {
            return Invalid(errors);
        }
        var estimate = await estimator.EstimateAsync(user.Id(), body.Filters, body.Format, ct);
        return TypedResults.Ok(new ExportEstimateResponse(estimate.Count, estimate.EstimatedBytes, estimate.CountIsLowerBound));
    }

    private static BadRequest<ApiErrorEnvelope> Invalid(IReadOnlyList<ExportRequestError> errors) =>
        ApiResults.Validation([.. errors.Select(e => new ApiError(e.Message, ApiErrorCodes.ValidationFailed, e.Param))]);

    private static async Task<Ok<ExportJobList>> ListAsync(ClaimsPrincipal user, ExportService exports, ExportDownloads downloads,
        CancellationToken ct)
    {
        var jobs = await exports.ListJobsAsync(user.Id(), ct);
        var states = await downloads.StatesAsync(jobs, ct);
        return TypedResults.Ok(new ExportJobList([.. jobs.Select(j => ExportJobResponse.From(j, states[j.Id]))]));
    }

    private static async Task<Results<Ok<ExportJobResponse>, NotFound<ApiErrorEnvelope>>> GetAsync(Guid jobId, ClaimsPrincipal user,
        ExportService exports, ExportDownloads downloads, CancellationToken ct)
    {
        var job = await exports.FindJobAsync(user.Id(), jobId, ct);
        return job is null
            ? ApiResults.NotFound("No such export job")
            : TypedResults.Ok(ExportJobResponse.From(job, await downloads.StateAsync(job, ct)));
    }

    private static async Task<Results<Accepted<ExportJobCancelled>, NotFound<ApiErrorEnvelope>, Conflict<ApiErrorEnvelope>>> CancelAsync(
        Guid jobId, ClaimsPrincipal user, ExportCancellation cancellation, CancellationToken ct) =>
        await cancellation.CancelAsync(user.Id(), jobId, ct) switch
        {
            ExportCancelResult.Cancelled => TypedResults.Accepted($"{Path}/{jobId}", new ExportJobCancelled(jobId, ExportStatus.Cancelled)),
            ExportCancelResult.NotFound => ApiResults.NotFound("No such export job"),
            _ => ApiResults.Conflict(AlreadyEndedCode, "The export job has already ended"),
        };
}

/// <summary>The answer to a cancel: the job and its new status.</summary>
internal sealed record ExportJobCancelled(Guid JobId, string Status);
