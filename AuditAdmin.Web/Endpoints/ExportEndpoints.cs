using System.Security.Claims;
using System.Text.Json;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Export;
using AuditAdmin.Core.Identity;
using AuditAdmin.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AuditAdmin.Web.Endpoints;

public static class ExportEndpoints
{
    public const string DuplicateCode = "audit_log_bulk_export.duplicate_export_job_error";
    public const string FailedCode = "audit_log_bulk_export.failed_to_export";

    /// <summary>Far above any real filter set; stops a client from making the server parse megabytes.</summary>
    private const long MaxBodyBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/_api/v3/audit-log-bulk-export").WithTags("Audit-log bulk export");

        group.MapPost("/", RequestAsync)
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .RequireScope(Scopes.WriteAuditLog);

        group.MapGet("/", async (ClaimsPrincipal user, ExportService exports, ExportDownloads downloads, CancellationToken ct) =>
            {
                var jobs = await exports.ListJobsAsync(user.Id(), ct);
                var states = await downloads.StatesAsync(jobs, ct);
                return TypedResults.Ok(new { jobs = jobs.Select(j => ExportJobResponse.From(j, states[j.Id])) });
            })
            .RequireScope(Scopes.ReadAuditLog);

        group.MapGet("/{jobId:guid}", async (Guid jobId, ClaimsPrincipal user, ExportService exports, ExportDownloads downloads,
                CancellationToken ct) =>
            {
                var job = await exports.FindJobAsync(user.Id(), jobId, ct);
                return job is null
                    ? ApiResults.NotFound("No such export job")
                    : TypedResults.Ok(ExportJobResponse.From(job, await downloads.StateAsync(job, ct)));
            })
            .RequireScope(Scopes.ReadAuditLog);
        return app;
    }

    private static async Task<IResult> RequestAsync(HttpContext context, ClaimsPrincipal user, ExportService exports,
        AvailableActions auditLog, ILoggerFactory loggers, CancellationToken ct)
    {
        if (!auditLog.Enabled)
        {
            return ApiResults.AuditLogDisabled();
        }
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, default, ct);
        }
        catch (JsonException)
        {
            return ApiResults.Validation("Malformed JSON body", "body");
        }
        using (document)
        {
            var zone = UserTime.FindZone(user.FindFirstValue(AuditAdminClaims.TimeZone));
            var (body, error) = ExportRequestValidator.Validate(document.RootElement, zone);
            if (error is not null)
            {
                return ApiResults.Validation(error.Message, error.Param);
            }
            try
            {
                var origin = new RequestOrigin(context.Connection.RemoteIpAddress?.ToString(), context.Request.Path);
                var result = await exports.RequestAsync(user.Id(), body!.Filters, body.RestartJob, origin, ct);
                return result switch
                {
                    ExportRequestResult.Accepted accepted => TypedResults.Created(
                        $"/_api/v3/audit-log-bulk-export/{accepted.JobId}", new { jobId = accepted.JobId }),
                    ExportRequestResult.Duplicate duplicate => ApiResults.Error(StatusCodes.Status409Conflict, DuplicateCode,
                        "Duplicate audit-log bulk export job is in progress",
                        args: new { duplicateJob = new { jobId = duplicate.JobId, createdAt = duplicate.CreatedAt } }),
                    _ => throw new InvalidOperationException($"Unexpected result {result}"),
                };
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                loggers.CreateLogger(typeof(ExportEndpoints)).LogError(ex, "Could not create an audit-log export for user {UserId}", user.Id());
                return ApiResults.Error(StatusCodes.Status500InternalServerError, FailedCode, "Failed to export audit logs");
            }
        }
    }
}
