using System.Security.Claims;
using AuditAdmin.Core.Features.Notifications;
using AuditAdmin.Core.Identity;
using AuditAdmin.Web.Infrastructure;

namespace AuditAdmin.Web.Endpoints;

public static class NotificationEndpoints
{
    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/_api/v3/in-app-notification").WithTags("In-app notifications");

        group.MapGet("/status", async (ClaimsPrincipal user, NotificationService notifications, CancellationToken ct) =>
                TypedResults.Ok(new { count = await notifications.CountUnopenedAsync(user.Id(), ct) }))
            .RequireScope(Scopes.ReadInAppNotification, adminOnly: false);
        return app;
    }
}
