using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Notifications;
using AuditAdmin.Web.Infrastructure;

namespace AuditAdmin.Web.Components.Layout.Notifications;

/// <summary>What the bell and the notifications page do on the reader's behalf (the same as the API does).</summary>
public sealed class NotificationActions(NotificationService notifications, IActivityRecorder recorder)
{
    public async Task OpenAsync(CurrentUserInfo viewer, NotificationEntry entry)
    {
        if (viewer.Id is { } userId && entry.IsUnopened)
        {
            await notifications.OpenAsync(userId, entry.Notification.Id, CancellationToken.None);
        }
    }

    public async Task OpenAllAsync(CurrentUserInfo viewer)
    {
        if (viewer.Id is not { } userId)
        {
            return;
        }
        await notifications.OpenAllAsync(userId, CancellationToken.None);
        await recorder.RecordAsync(new ActivityEntry(SupportedActions.InAppNotificationAllStatusesOpen)
        {
            UserId = userId,
            Username = viewer.UserName,
        });
    }
}
