using AuditAdmin.Core.Features.Export;
using AuditAdmin.Core.Features.Notifications;
using AuditAdmin.Resources;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace AuditAdmin.Web.Components.Layout.Notifications;

/// <summary>How each kind of notification reads and looks; the text is rendered in the reader's language, never stored.</summary>
public static class NotificationPresentation
{
    public static string Message(IStringLocalizer<ExportResource> localizer, NotificationEntry entry) => localizer[entry.Kind switch
    {
        ExportNotificationKinds.Ready => "Notification_ExportReady",
        ExportNotificationKinds.DownloadExpired => "Notification_DownloadExpired",
        ExportNotificationKinds.Failed => "Notification_ExportFailed",
        ExportNotificationKinds.JobExpired => "Notification_ExportJobExpired",
        ExportNotificationKinds.NoResults => "Notification_ExportNoResults",
        _ => "Notification_Other",
    }];

    public static string Icon(string kind) => kind switch
    {
        ExportNotificationKinds.Ready => Icons.Material.Filled.Download,
        ExportNotificationKinds.DownloadExpired => Icons.Material.Filled.CloudOff,
        ExportNotificationKinds.Failed => Icons.Material.Filled.ErrorOutline,
        ExportNotificationKinds.JobExpired => Icons.Material.Filled.TimerOff,
        ExportNotificationKinds.NoResults => Icons.Material.Filled.SearchOff,
        _ => Icons.Material.Filled.Notifications,
    };

    public static Color Color(string kind) => kind switch
    {
        ExportNotificationKinds.Ready => MudBlazor.Color.Success,
        ExportNotificationKinds.Failed => MudBlazor.Color.Error,
        ExportNotificationKinds.JobExpired => MudBlazor.Color.Warning,
        ExportNotificationKinds.NoResults => MudBlazor.Color.Info,
        _ => MudBlazor.Color.Default,
    };

    /// <summary>The export job behind a notification, while it exists.</summary>
    public static ExportNotificationDetails? Export(NotificationEntry entry) => entry.Target?.Details as ExportNotificationDetails;
}
