namespace AuditAdmin.Core.Features.Notifications;

/// <summary>A notification with its target as resolved by the feature that owns it (null when it has none any more).</summary>
public sealed record NotificationEntry(InAppNotification Notification, NotificationTarget? Target)
{
    /// <summary>The kind of a notification that no feature could resolve.</summary>
    public const string OtherKind = "Other";

    public bool IsUnopened => Notification.Status == InAppNotificationStatus.Unopened;

    /// <inheritdoc cref="NotificationTarget.Kind"/>
    public string Kind => Target?.Kind ?? OtherKind;

    /// <inheritdoc cref="NotificationTarget.OpenUrl"/>
    public string? OpenUrl => Target?.OpenUrl;

    public NotificationTone Tone => Target?.Tone ?? NotificationTone.Neutral;

    /// <inheritdoc cref="NotificationTarget.Disabled"/>
    public bool Disabled => Target?.Disabled == true;
}

public sealed record NotificationEntryPage(IReadOnlyList<NotificationEntry> Items, int TotalCount, int Offset, int Limit);
