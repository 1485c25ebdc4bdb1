using System.Text.Json.Serialization;
using AuditAdmin.Core.Features.Export;
using AuditAdmin.Core.Features.Notifications;

namespace AuditAdmin.Web.Endpoints;

/// <summary>A notification as GROWI's API returns it, with its export job populated as <c>target</c>.</summary>
public sealed record NotificationDocument(
    [property: JsonPropertyName("_id")] Guid Id,
    [property: JsonPropertyName("user")] UserReferenceDocument User,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("targetModel")] string TargetModel,
    [property: JsonPropertyName("target")] ExportJobDocument? Target,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("createdAt")] DateTime CreatedAt)
{
    /// <summary>GROWI lists the users whose activities caused the notice; export notices have none.</summary>
    [JsonPropertyName("actionUsers")]
    public IReadOnlyList<UserReferenceDocument> ActionUsers { get; } = [];

    public static NotificationDocument From(NotificationEntry entry, UserReferenceDocument user) => new(
        entry.Notification.Id,
        user,
        entry.Notification.Action,
        entry.Notification.TargetModel,
        entry.Target?.Details is ExportNotificationDetails job ? ExportJobDocument.From(job) : null,
        entry.Notification.Status,
        entry.Notification.CreatedAt);
}

public sealed record ExportJobDocument(
    [property: JsonPropertyName("_id")] Guid Id,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("totalExportedCount")] long TotalExportedCount,
    [property: JsonPropertyName("createdAt")] DateTime CreatedAt,
    [property: JsonPropertyName("completedAt")] DateTime? CompletedAt,
    [property: JsonPropertyName("attachment")] AttachmentDocument? Attachment)
{
    public static ExportJobDocument From(ExportNotificationDetails job) => new(job.JobId, job.Status, job.TotalExportedCount,
        job.CreatedAt, job.CompletedAt, job.AttachmentId is { } id ? new AttachmentDocument(id) : null);
}

public sealed record AttachmentDocument([property: JsonPropertyName("_id")] Guid Id)
{
    [JsonPropertyName("downloadPathProxied")]
    public string DownloadPathProxied => ExportDownloadPaths.For(Id);
}
