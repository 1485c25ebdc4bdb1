using System.Security.Claims;
using AuditAdmin.Core.Features.Export;
using AuditAdmin.Core.Identity;
using AuditAdmin.Web.Infrastructure;

namespace AuditAdmin.Web.Endpoints;

public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/_api/v3/audit-log-bulk-export").WithTags("Audit-log bulk export");

        group.MapGet("/", async (ClaimsPrincipal user, ExportService exports, CancellationToken ct) =>
            {
                var jobs = await exports.ListJobsAsync(user.Id(), ct);
                return TypedResults.Ok(new { jobs = jobs.Select(j => new { jobId = j.Id, status = j.Status, createdAt = j.CreatedAt }) });
            })
            .RequireScope(Scopes.ReadAuditLog);
        return app;
    }
}
