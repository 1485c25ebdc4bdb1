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
        NotificationKind.ExportReady => "Notification_ExportReady",
        NotificationKind.ExportDownloadExpired => "Notification_DownloadExpired",
        NotificationKind.ExportFailed => "Notification_ExportFailed",
        NotificationKind.ExportJobExpired => "Notification_ExportJobExpired",
        NotificationKind.ExportNoResults => "Notification_ExportNoResults",
        _ => "Notification_Other",
    }];

    public static string Icon(NotificationKind kind) => kind switch
    {
        NotificationKind.ExportReady => Icons.Material.Filled.Download,
        NotificationKind.ExportDownloadExpired => Icons.Material.Filled.CloudOff,
        NotificationKind.ExportFailed => Icons.Material.Filled.ErrorOutline,
        NotificationKind.ExportJobExpired => Icons.Material.Filled.TimerOff,
        NotificationKind.ExportNoResults => Icons.Material.Filled.SearchOff,
        _ => Icons.Material.Filled.Notifications,
    };

    public static Color Color(NotificationKind kind) => kind switch
    {
        NotificationKind.ExportReady => MudBlazor.Color.Success,
        NotificationKind.ExportFailed => MudBlazor.Color.Error,
        NotificationKind.ExportJobExpired => MudBlazor.Color.Warning,
        NotificationKind.ExportNoResults => MudBlazor.Color.Info,
        _ => MudBlazor.Color.Default,
    };
}
