using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Web.Infrastructure;

namespace AuditAdmin.Web.Endpoints;

/// <summary>
/// 405 <c>audit_log_disabled</c> while <c>AuditLog:Enabled</c> is off. It runs before the handler, so a disabled
/// audit log is reported before the request itself is looked at.
/// </summary>
internal sealed class AuditLogEnabledFilter(AvailableActions auditLog) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        auditLog.Enabled ? next(context) : ValueTask.FromResult<object?>(ApiResults.AuditLogDisabled());
}

internal static class AuditLogEnabledFilterExtensions
{
    /// <summary>Adds <see cref="AuditLogEnabledFilter"/> and documents its 405.</summary>
    public static TBuilder RequireAuditLogEnabled<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, AuditLogEnabledFilter>()
            .ProducesApiError(StatusCodes.Status405MethodNotAllowed);
}
