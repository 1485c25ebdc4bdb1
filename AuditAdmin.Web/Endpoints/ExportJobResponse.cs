using System.Text.Json;
using AuditAdmin.Core.Features.Export;

namespace AuditAdmin.Web.Endpoints;

/// <summary>
/// An export job as the API shows it to its owner. <c>estimatedTotal</c> is the number of records the export holds,
/// counted with its as-of boundary (<c>asOfActivityId</c>) when the job was created or restarted, so that
/// <c>totalExportedCount</c> of <c>estimatedTotal</c> is its progress.
/// </summary>
internal sealed record ExportJobResponse(
    Guid JobId,
    string Status,
    string Format,
    JsonElement Filters,
    long AsOfActivityId,
    DateTime AsOfTime,
    long? EstimatedTotal,
    long TotalExportedCount,
    bool RestartRequested,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? CompletedAt,
    Guid? AttachmentId,
    DateTime? DownloadExpiresAt,
    string? DownloadUrl)
{
    /// <summary>The download URL is given while the zip can be downloaded (see <see cref="ExportDownloads"/>).</summary>
    public static ExportJobResponse From(AuditLogBulkExportJob job, ExportDownloadState download)
    {
        using var filters = JsonDocument.Parse(job.Filters);
        return new ExportJobResponse(job.Id, job.Status, job.Format, filters.RootElement.Clone(), job.AsOfActivityId, job.AsOfAt,
            job.EstimatedTotal, job.TotalExportedCount, job.RestartFlag,
            job.CreatedAt, job.UpdatedAt, job.CompletedAt, job.AttachmentId, download.ExpiresAt,
            download.AttachmentId is { } attachmentId ? ExportDownloadPaths.For(attachmentId) : null);
    }
}
