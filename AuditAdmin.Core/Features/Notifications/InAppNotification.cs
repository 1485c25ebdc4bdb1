namespace AuditAdmin.Core.Features.Notifications;

/// <summary>A notice for one user. Its text is never stored: it is rendered in the reader's language.</summary>
public sealed class InAppNotification
{
    public Guid Id { get; set; }
    public required string UserId { get; set; }
    public required string Action { get; set; }
    public required string TargetModel { get; set; }
    public required string TargetId { get; set; }
    public string Status { get; set; } = InAppNotificationStatus.Unopened;
    public DateTime CreatedAt { get; set; }
}

public static class InAppNotificationStatus
{
    public const string Unopened = "UNOPENED";
    public const string Opened = "OPENED";
}
