using AuditAdmin.Core.Features.Export;
using AuditAdmin.Core.Features.Notifications;
using AuditAdmin.Resources;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace AuditAdmin.Web.Components.Layout.Notifications;

/// <summary>How a notification reads and looks; the text is rendered in the reader's language, never stored.</summary>
public static class NotificationPresentation
{
    /// <summary>The message of the notification's kind ("Notification_{Kind}"), or the generic one for a kind without its own.</summary>
    public static string Message(IStringLocalizer<ExportResource> localizer, NotificationEntry entry)
    {
        var message = localizer["Notification_" + entry.Kind];
        return message.ResourceNotFound ? localizer["Notification_Other"] : message;
    }

    public static string Icon(NotificationTone tone) => tone switch
    {
        NotificationTone.Success => Icons.Material.Filled.Download,
        NotificationTone.Error => Icons.Material.Filled.ErrorOutline,
        NotificationTone.Warning => Icons.Material.Filled.TimerOff,
        NotificationTone.Info => Icons.Material.Filled.SearchOff,
        _ => Icons.Material.Filled.CloudOff,
    };

    public static Color Color(NotificationTone tone) => tone switch
    {
        NotificationTone.Success => MudBlazor.Color.Success,
        NotificationTone.Error => MudBlazor.Color.Error,
        NotificationTone.Warning => MudBlazor.Color.Warning,
        NotificationTone.Info => MudBlazor.Color.Info,
        _ => MudBlazor.Color.Default,
    };

    /// <summary>The export job behind a notification, while it exists.</summary>
    public static ExportNotificationDetails? Export(NotificationEntry entry) => entry.Target?.Details as ExportNotificationDetails;
}
