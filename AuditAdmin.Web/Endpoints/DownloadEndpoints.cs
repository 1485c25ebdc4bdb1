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
    /// one), 410 once its download window has passed. Streamed with ETag/If-None-Match and byte ranges.
    /// </summary>
    public static IEndpointRouteBuilder MapDownloadEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/download/{attachmentId}", DownloadAsync)
            .WithTags("Downloads")
            .WithName("DownloadAttachment")
            .WithSummary("The caller's export zip, while its download window is open.")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip")
            .ProducesApiError(StatusCodes.Status410Gone)
            .RequireScope(Scopes.ReadAttachment, Audience.AuditReaders);
        return app;
    }

    /// <remarks>The JSON result is the 410 (the framework has no typed result for it; documented with ProducesApiError).</remarks>
    private static async Task<Results<FileStreamHttpResult, NotFound<ApiErrorEnvelope>, JsonHttpResult<ApiErrorEnvelope>>> DownloadAsync(
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
        var stream = await attachments.OpenReadAsync(attachment, ct);
        if (stream is null)
        {
            loggers.CreateLogger(typeof(DownloadEndpoints)).LogWarning("The stored file of attachment {AttachmentId} is missing", id);
            return ApiResults.NotFound("No such attachment");
        }

        var etag = new EntityTagHeaderValue($"\"Attachment-{attachment.Id:N}\"");
        var headers = context.Response.Headers;
        headers.ContentDisposition = ContentDisposition(attachment.OriginalName);
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'";
        headers.CacheControl = "private, no-cache";

        if (IsNewDownload(context.Request, etag))
        {
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
                    ["fileSize"] = attachment.FileSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
            }, ct);
        }
        return TypedResults.File(stream, "application/zip", fileDownloadName: null,
            lastModified: new DateTimeOffset(attachment.CreatedAt, TimeSpan.Zero), entityTag: etag, enableRangeProcessing: true);
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

    /// <summary>A revalidation that will get 304, or a later part of a ranged download, is not a new download.</summary>
    private static bool IsNewDownload(HttpRequest request, EntityTagHeaderValue etag)
    {
        var ifNoneMatch = request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false)))
        {
            return false;
        }
        var range = request.Headers.Range.ToString();
        return range.Length == 0 || range.StartsWith("bytes=0-", StringComparison.OrdinalIgnoreCase);
    }
}
