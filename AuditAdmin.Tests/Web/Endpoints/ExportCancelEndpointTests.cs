using System.Net;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Export;
using Microsoft.EntityFrameworkCore;
using static AuditAdmin.Tests.TestInfrastructure.ExportApi;

namespace AuditAdmin.Tests.Web.Endpoints;

/// <summary>DELETE /_api/v3/audit-log-bulk-export/{jobId}, with no run starting (ParallelExecLimit 0) so the jobs stay in progress.</summary>
public sealed class ExportCancelEndpointTests
{
    [Fact]
    public async Task Delete_ShouldCancelTheOwnersJob_NotifyAndRecordIt_AndRefuseAnyoneElse()
    {
        await using var factory = AuditAdminFactory.With(("Export:ParallelExecLimit", "0"));
        var (owner, client) = await AdminClientAsync(factory);
        var (_, stranger) = await AdminClientAsync(factory);
        using var created = await PostRawAsync(client, """{"filters":{"usernames":["x"]}}""");
        var jobId = (await JsonAsync(created)).GetProperty("jobId").GetGuid();

        using var foreign = await stranger.DeleteAsync($"{ApiPath}/{jobId}", Ct);
        using var cancelled = await client.DeleteAsync($"{ApiPath}/{jobId}", Ct);
        using var again = await client.DeleteAsync($"{ApiPath}/{jobId}", Ct);
        using var unknown = await client.DeleteAsync($"{ApiPath}/{Guid.CreateVersion7()}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal("not_found", (await ErrorAsync(foreign)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Accepted, cancelled.StatusCode);
        Assert.Equal("cancelled", (await JsonAsync(cancelled)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("audit_log_bulk_export.job_already_ended", (await ErrorAsync(again)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        await using var db = await factory.DbFactory.CreateDbContextAsync(Ct);
        Assert.Equal(ExportStatus.Cancelled, (await db.AuditLogBulkExportJobs.SingleAsync(j => j.Id == jobId, Ct)).Status);
        var notice = await db.InAppNotifications.SingleAsync(n => n.TargetId == jobId.ToString(), Ct);
        Assert.Equal((owner.Id, SupportedActions.AuditLogBulkExportCancelled), (notice.UserId, notice.Action));
        var recorded = await db.Activities.SingleAsync(a => a.Action == SupportedActions.AuditLogBulkExportCancelled, Ct);
        Assert.Equal((owner.Id, jobId.ToString()), (recorded.UserId, recorded.Target));

        // Cancelled is not in progress: the same export can be requested again at once.
        using var anew = await PostRawAsync(client, """{"filters":{"usernames":["x"]}}""");
        Assert.Equal(HttpStatusCode.Created, anew.StatusCode);
    }
}
