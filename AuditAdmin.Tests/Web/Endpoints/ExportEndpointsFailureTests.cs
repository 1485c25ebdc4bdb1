using System.Net;
using Microsoft.EntityFrameworkCore;
using static AuditAdmin.Tests.TestInfrastructure.ExportApi;

namespace AuditAdmin.Tests.Web.Endpoints;

public sealed class ExportEndpointsFailureTests
{
    [Fact]
    public async Task Post_ShouldReturn405AuditLogDisabled_WhenTheAuditLogIsOff()
    {
        await using var factory = AuditAdminFactory.With(("AuditLog:Enabled", "false"));
        var (_, client) = await AdminClientAsync(factory);

        using var response = await PostRawAsync(client, """{"filters":{}}""");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("audit_log_disabled", (await ErrorAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Get_ShouldStillListTheCallersJobs_WhenTheAuditLogIsOff()
    {
        await using var factory = AuditAdminFactory.With(("AuditLog:Enabled", "false"));
        var (_, client) = await AdminClientAsync(factory);

        using var response = await client.GetAsync(ApiPath, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await JsonAsync(response)).GetProperty("jobs").GetArrayLength());
    }

    [Fact]
    public async Task Post_ShouldReturn500FailedToExport_WithoutDetails_WhenTheJobCannotBeStored()
    {
        await using var factory = AuditAdminFactory.With(("Export:ParallelExecLimit", "0"));
        var (_, client) = await AdminClientAsync(factory);
        await using (var db = await factory.DbFactory.CreateDbContextAsync(Ct))
        {
            // A real storage failure: the jobs table is gone.
            await db.Database.ExecuteSqlRawAsync("DROP TABLE AuditLogBulkExportJobs", Ct);
        }

        using var response = await PostRawAsync(client, """{"filters":{}}""");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Ct);
        var error = await ErrorAsync(response);
        Assert.Equal("audit_log_bulk_export.failed_to_export", error.GetProperty("code").GetString());
        Assert.DoesNotContain("SQLite", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }
}
