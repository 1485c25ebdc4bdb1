using System.Globalization;
using System.Security.Claims;
using System.Text;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Export;
using AuditAdmin.Core.Features.Storage;
using AuditAdmin.Core.Identity;
using AuditAdmin.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace AuditAdmin.Web.Endpoints;

internal static class DownloadEndpoints
{
    public const string ExpiredCode = "download_expired";

    /// <summary>
    /// GET /download/{attachmentId}: the export zip, to its requester only (anyone else gets 404, as for a missing
    /// one), 410 once its download window has passed, for admins and auditors. ETag, If-None-Match and single byte
    /// ranges; every answer that sends bytes (200 or 206) is recorded, before the file is opened.
    /// </summary>
    public static IEndpointRouteBuilder MapDownloadEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/download/{attachmentId}", DownloadAsync)
            .WithTags("Downloads")
            .WithName("DownloadAttachment")
            .WithSummary("The caller's export zip, while its download window is open.")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip")
            .Produces(StatusCodes.Status206PartialContent, contentType: "application/zip")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesApiError(StatusCodes.Status410Gone, StatusCodes.Status412PreconditionFailed, StatusCodes.Status416RangeNotSatisfiable)
            .RequireScope(Scopes.ReadAttachment, Audience.AuditReaders)
            .RequireAuditLogEnabled();
        return app;
    }

    /// <remarks>The JSON result is the 410, 412 or 416 (the framework has no typed result for them; documented with ProducesApiError).</remarks>
    private static async Task<Results<ZipDownloadResult, StatusCodeHttpResult, NotFound<ApiErrorEnvelope>, JsonHttpResult<ApiErrorEnvelope>>> DownloadAsync(
        string attachmentId, HttpContext context, ClaimsPrincipal user, ExportDownloads downloads, AttachmentService attachments,
        IActivityRecorder recorder, TimeProvider clock, ILoggerFactory loggers, CancellationToken ct)
    {
        if (!Guid.TryParse(attachmentId, out var id) || await downloads.FindAsync(user.Id(), id, ct) is not { } download)
        {
            return ApiResults.NotFound("No such attachment");
        }
        if (download.ExpiresAt <= clock.GetUtcNow().UtcDateTime)
        {
            return ApiResults.Error(StatusCodes.Status410Gone, ExpiredCode, "The download period of this export has ended");
        }
        var attachment = download.Attachment;
        var etag = new EntityTagHeaderValue($"\"Attachment-{attachment.Id:N}\"");
        var lastModified = new DateTimeOffset(DateTime.SpecifyKind(attachment.CreatedAt, DateTimeKind.Utc));
        var headers = context.Response.GetTypedHeaders();
        headers.ETag = etag;
        headers.LastModified = lastModified;
        context.Response.Headers.AcceptRanges = "bytes";
        context.Response.Headers.CacheControl = "private, no-cache";

        var plan = DownloadPlan.Decide(context.Request, attachment.FileSize, etag, lastModified);
        switch (plan.Outcome)
        {
            case DownloadOutcome.NotModified:
                return TypedResults.StatusCode(StatusCodes.Status304NotModified);
            case DownloadOutcome.PreconditionFailed:
                return ApiResults.Error(StatusCodes.Status412PreconditionFailed, "precondition_failed", "The attachment has changed");
            case DownloadOutcome.RangeNotSatisfiable:
                context.Response.Headers.ContentRange = plan.ContentRange;
                return ApiResults.Error(StatusCodes.Status416RangeNotSatisfiable, "range_not_satisfiable",
                    $"The range lies outside the file ({attachment.FileSize} bytes)");
        }

        await recorder.RecordAsync(new ActivityEntry(SupportedActions.AttachmentDownload)
        {
            UserId = user.Id(),
            Username = user.Identity?.Name,
            TargetModel = "Attachment",
            Target = attachment.Id.ToString(),
            Ip = context.Connection.RemoteIpAddress?.ToString(),
            Endpoint = context.Request.Path,
            Snapshot = new Dictionary<string, string?>
            {
                ["originalName"] = attachment.OriginalName,
                ["fileSize"] = attachment.FileSize.ToString(CultureInfo.InvariantCulture),
                ["sha256"] = attachment.Sha256,
                ["range"] = plan.ContentRange,
            },
        }, ct);
        return new ZipDownloadResult(plan, ContentDisposition(attachment.OriginalName),
            token => attachments.OpenReadAsync(attachment, token), loggers.CreateLogger(typeof(DownloadEndpoints)), attachment.Id);
    }

    /// <summary>RFC 6266: a quoted ASCII fallback plus the exact UTF-8 name (RFC 8187).</summary>
    private static string ContentDisposition(string fileName)
    {
        var ascii = new StringBuilder(fileName.Length);
        foreach (var c in fileName)
        {
            ascii.Append(c is >= ' ' and < (char)127 and not '"' and not '\\' ? c : '_');
        }
        return $"attachment; filename=\"{ascii}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";
    }
}
