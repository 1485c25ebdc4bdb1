namespace AuditAdmin.Core.Features.Notifications;

/// <summary>
/// Contributed by a feature whose notifications point at its own things (OrchardCore-style: the feature registers
/// it, this feature only asks). Given a reader's notifications of one <see cref="TargetModel"/>, it says what each
/// one's target is now: its kind of message, where clicking leads, and the target as the API shows it.
/// </summary>
public interface INotificationTargetResolver
{
    /// <summary>The <see cref="InAppNotification.TargetModel"/> this resolver handles.</summary>
    string TargetModel { get; }

    /// <summary>
    /// The targets of the reader's <paramref name="notifications"/>, keyed by notification id; a notification whose
    /// target is gone (or is not the reader's) may be left out.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, NotificationTarget>> ResolveAsync(
        string readerId, IReadOnlyList<InAppNotification> notifications, CancellationToken cancellationToken);
}

/// <summary>A notification's target as its reader sees it now.</summary>
/// <param name="Kind">What the notification tells: a stable name; its message is the resource "Notification_{Kind}".</param>
/// <param name="Tone">How the UI presents it (icon and colour).</param>
/// <param name="OpenUrl">Where following the notification leads; null when there is nothing to follow.</param>
/// <param name="Disabled">Shown, but there is nothing to open (its target is gone or never had anything to offer).</param>
/// <param name="Details">The target itself, for the API and for details in the message (the feature's own type).</param>
public sealed record NotificationTarget(string Kind, NotificationTone Tone, string? OpenUrl, bool Disabled, object? Details);

/// <summary>How a notification is presented, whatever feature sent it.</summary>
public enum NotificationTone
{
    Neutral,
    Success,
    Info,
    Warning,
    Error,
}
