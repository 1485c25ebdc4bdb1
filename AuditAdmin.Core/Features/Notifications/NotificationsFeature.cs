using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AuditAdmin.Core.Features.Notifications;

public static class NotificationsFeature
{
    public static IHostApplicationBuilder AddNotificationsFeature(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<NotificationBroadcaster>();
        builder.Services.AddSingleton<NotificationService>();
        builder.Services.AddSingleton<NotificationFeed>();
        return builder;
    }
}
