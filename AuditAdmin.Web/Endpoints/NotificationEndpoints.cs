using System.Security.Claims;
using System.Text.Json;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Notifications;
using AuditAdmin.Core.Identity;
using AuditAdmin.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AuditAdmin.Web.Endpoints;

/// <summary>GROWI's in-app notification API: any signed-in user, always on their own notifications only.</summary>
internal static class NotificationEndpoints
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 100;

    private static readonly IntegerParameter Limit = new("limit", DefaultLimit, 1, MaxLimit);
    private static readonly IntegerParameter Offset = new("offset", 0, 0, int.MaxValue);

    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/_api/v3/in-app-notification").WithTags("In-app notifications");

        group.MapGet("/list", ListAsync)
            .WithName("ListInAppNotifications")
            .WithSummary("The caller's notifications, newest first, optionally only UNOPENED or OPENED ones.")
            .RequireScope(Scopes.ReadInAppNotification, Audience.AnyUser);

        group.MapGet("/status", StatusAsync)
            .WithName("GetInAppNotificationStatus")
            .WithSummary("How many of the caller's notifications are unopened.")
            .RequireScope(Scopes.ReadInAppNotification, Audience.AnyUser);

        group.MapPost("/open", OpenAsync)
            .WithName("OpenInAppNotification")
            .WithSummary("Marks one of the caller's notifications opened and returns it.")
            .AcceptsJsonBody()
            .RequireScope(Scopes.WriteInAppNotification, Audience.AnyUser);

        group.MapPut("/all-statuses-open", OpenAllAsync)
            .WithName("OpenAllInAppNotifications")
            .WithSummary("Marks every notification of the caller opened.")
            .RequireScope(Scopes.WriteInAppNotification, Audience.AnyUser);
        return app;
    }

    private static async Task<Results<Ok<PaginationResult<NotificationDocument>>, BadRequest<ApiErrorEnvelope>>> ListAsync(
        string? limit, string? offset, string? status, ClaimsPrincipal user, NotificationFeed feed, CancellationToken ct)
    {
        var errors = new List<ApiError>();
        if (!Limit.TryParse(limit, out var pageSize))
        {
            errors.Add(new ApiError(Limit.RangeMessage, ApiErrorCodes.ValidationFailed, Limit.Name));
        }
        if (!Offset.TryParse(offset, out var skip))
        {
            errors.Add(new ApiError(Offset.RangeMessage, ApiErrorCodes.ValidationFailed, Offset.Name));
        }
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

    private static async Task<Ok<NotificationStatusResponse>> StatusAsync(ClaimsPrincipal user, NotificationService notifications,
        CancellationToken ct) =>
        TypedResults.Ok(new NotificationStatusResponse(await notifications.CountUnopenedAsync(user.Id(), ct)));

    private static async Task<Results<Ok<OpenedNotificationResponse>, BadRequest<ApiErrorEnvelope>, NotFound<ApiErrorEnvelope>>> OpenAsync(
        HttpRequest request, ClaimsPrincipal user, NotificationService notifications, NotificationFeed feed, CancellationToken ct)
    {
        using var body = await ApiJson.ReadBodyAsync(request, ct);
        if (body is null)
        {
            return ApiResults.Validation(ApiJson.MalformedBody);
        }
        if (body.RootElement.ValueKind != JsonValueKind.Object
            || !body.RootElement.TryGetProperty("id", out var idProperty)
            || idProperty.ValueKind != JsonValueKind.String
            || !Guid.TryParse(idProperty.GetString(), out var id))
        {
            return ApiResults.Validation("id is required and must be a notification id", "id");
        }

        var userId = user.Id();
        if (!await notifications.OpenAsync(userId, id, ct))
        {
            return ApiResults.NotFound("Notification not found");
        }
        var entry = await feed.FindAsync(userId, id, ct);
        return entry is null
            ? ApiResults.NotFound("Notification not found")
            : TypedResults.Ok(new OpenedNotificationResponse(NotificationDocument.From(entry, Owner(user))));
    }

    private static async Task<Ok<EmptyResponse>> OpenAllAsync(HttpContext context, NotificationService notifications,
        IActivityRecorder recorder, CancellationToken ct)
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
        return TypedResults.Ok(new EmptyResponse());
    }

    private static UserReferenceDocument Owner(ClaimsPrincipal user) => new(user.Id(), user.Identity?.Name);
}
