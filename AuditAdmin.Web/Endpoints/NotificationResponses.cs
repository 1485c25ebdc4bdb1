using System.Text.Json.Serialization;

namespace AuditAdmin.Web.Endpoints;

/// <summary>GET /_api/v3/in-app-notification/status: how many of the caller's notifications are unopened.</summary>
internal sealed record NotificationStatusResponse([property: JsonPropertyName("count")] int Count);

/// <summary>POST /_api/v3/in-app-notification/open: the notification, now opened.</summary>
internal sealed record OpenedNotificationResponse([property: JsonPropertyName("notification")] NotificationDocument Notification);

/// <summary>An empty object, <c>{}</c>, which GROWI answers when there is nothing to say.</summary>
internal sealed record EmptyResponse;
