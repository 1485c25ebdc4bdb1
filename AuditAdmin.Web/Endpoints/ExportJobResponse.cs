using System.Text.Json;
using AuditAdmin.Core.Features.Export;

namespace AuditAdmin.Web.Endpoints;

/// <summary>An export job as the API shows it to its owner.</summary>
internal sealed record ExportJobResponse(
    Guid JobId,
    string Status,
    string Format,
    JsonElement Filters,
    long TotalExportedCount,
    bool RestartRequested,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? CompletedAt,
    Guid? AttachmentId,
    DateTime? DownloadExpiresAt,
    string? DownloadUrl)
{
    private static string DownloadPath(Guid attachmentId) => $"/download/{attachmentId}";

    /// <summary>The download URL is given while the zip can be downloaded (completed, within its window).</summary>
    public static ExportJobResponse From(AuditLogBulkExportJob job, ExportDownloads downloads, DateTime now)
    {
        using var filters = JsonDocument.Parse(job.Filters);
        DateTime? expiresAt = job is { Status: ExportStatus.Completed, CompletedAt: { } completedAt } ? downloads.ExpiresAt(completedAt) : null;
        var downloadable = job.AttachmentId is not null && expiresAt > now;
        return new ExportJobResponse(job.Id, job.Status, job.Format, filters.RootElement.Clone(), job.TotalExportedCount, job.RestartFlag,
            job.CreatedAt, job.UpdatedAt, job.CompletedAt, job.AttachmentId, expiresAt,
            downloadable ? DownloadPath(job.AttachmentId!.Value) : null);
    }
}
