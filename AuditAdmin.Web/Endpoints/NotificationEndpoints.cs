using System.Security.Claims;
using System.Text.Json;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Notifications;
using AuditAdmin.Core.Identity;
using AuditAdmin.Web.Infrastructure;

namespace AuditAdmin.Web.Endpoints;

/// <summary>GROWI's in-app notification API: any signed-in user, always on their own notifications only.</summary>
public static class NotificationEndpoints
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 100;

    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/_api/v3/in-app-notification").WithTags("In-app notifications");

        group.MapGet("/list", ListAsync).RequireScope(Scopes.ReadInAppNotification, adminOnly: false);

        group.MapGet("/status", async (ClaimsPrincipal user, NotificationService notifications, CancellationToken ct) =>
                TypedResults.Ok(new { count = await notifications.CountUnopenedAsync(user.Id(), ct) }))
            .RequireScope(Scopes.ReadInAppNotification, adminOnly: false);

        group.MapPost("/open", OpenAsync).RequireScope(Scopes.WriteInAppNotification, adminOnly: false);

        group.MapPut("/all-statuses-open", async (HttpContext context, NotificationService notifications,
                IActivityRecorder recorder, CancellationToken ct) =>
            {
                var userId = context.User.Id();
                await notifications.OpenAllAsync(userId, ct);
                await recorder.RecordAsync(new ActivityEntry(SupportedActions.InAppNotificationAllStatusesOpen)
                {
                    UserId = userId,
                    Username = context.User.Identity?.Name,
                    Ip = context.Connection.RemoteIpAddress?.ToString(),
                    Endpoint = context.Request.Path,
                }, ct);
                return TypedResults.Ok(new { });
            })
            .RequireScope(Scopes.WriteInAppNotification, adminOnly: false);
        return app;
    }

    private static async Task<IResult> ListAsync(string? limit, string? offset, string? status, ClaimsPrincipal user,
        NotificationFeed feed, CancellationToken ct)
    {
        var errors = new List<ApiError>();
        var pageSize = ParseInt(limit, "limit", DefaultLimit, 1, MaxLimit, errors);
        var skip = ParseInt(offset, "offset", 0, 0, int.MaxValue, errors);
        if (status is not null && status is not (InAppNotificationStatus.Unopened or InAppNotificationStatus.Opened))
        {
            errors.Add(new ApiError($"status must be {InAppNotificationStatus.Unopened} or {InAppNotificationStatus.Opened}",
                ApiErrorCodes.ValidationFailed, "status"));
        }
        if (errors.Count > 0)
        {
            return ApiResults.Validation(errors);
        }

        var page = await feed.ListAsync(user.Id(), skip, pageSize, status, ct);
        var owner = Owner(user);
        return TypedResults.Ok(PaginationResult.Create(
            page.Items.Select(e => NotificationDocument.From(e, owner)).ToList(), page.TotalCount, skip, pageSize));
    }

    private static async Task<IResult> OpenAsync(HttpRequest request, ClaimsPrincipal user, NotificationService notifications,
        NotificationFeed feed, CancellationToken ct)
    {
        Guid id;
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            if (body.RootElement.ValueKind != JsonValueKind.Object
                || !body.RootElement.TryGetProperty("id", out var idProperty)
                || idProperty.ValueKind != JsonValueKind.String
                || !Guid.TryParse(idProperty.GetString(), out id))
            {
                return ApiResults.Validation("id is required and must be a notification id", "id");
            }
        }
        catch (JsonException)
        {
            return ApiResults.Validation("Malformed JSON body");
        }

        var userId = user.Id();
        if (!await notifications.OpenAsync(userId, id, ct))
        {
            return ApiResults.NotFound("Notification not found");
        }
        var entry = await feed.FindAsync(userId, id, ct);
        return entry is null
            ? ApiResults.NotFound("Notification not found")
            : TypedResults.Ok(new { notification = NotificationDocument.From(entry, Owner(user)) });
    }

    private static UserReferenceDocument Owner(ClaimsPrincipal user) => new(user.Id(), user.Identity?.Name);

    private static int ParseInt(string? raw, string param, int fallback, int min, int max, List<ApiError> errors)
    {
        if (raw is null)
        {
            return fallback;
        }
        if (int.TryParse(raw, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max)
        {
            return value;
        }
        errors.Add(new ApiError(max == int.MaxValue
                ? $"{param} must be an integer of at least {min}"
                : $"{param} must be an integer from {min} to {max}",
            ApiErrorCodes.ValidationFailed, param));
        return fallback;
    }
}
