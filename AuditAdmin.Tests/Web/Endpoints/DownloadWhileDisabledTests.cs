using System.Net;
using AuditAdmin.Core.Features.Export;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static AuditAdmin.Tests.TestInfrastructure.ExportApi;

namespace AuditAdmin.Tests.Web.Endpoints;

public sealed class DownloadWhileDisabledTests
{
    [Fact]
    public async Task Download_ShouldAnswer405AuditLogDisabled_WhileTheAuditLogIsOff_AndServeTheZipAgainOnceOn()
    {
        await using var factory = new RunningExportsFactory();
        await ActivitySeed.InsertAsync(factory.DbFactory, ActivitySeed.Rows(5, usernames: ["seeded"]));
        var (owner, client) = await AdminClientAsync(factory);
        using var created = await PostRawAsync(client, """{"filters":{"usernames":["seeded"]}}""");
        var jobId = (await JsonAsync(created)).GetProperty("jobId").GetGuid();
        var job = await ExportCompletion.WaitAsync(factory.Services, owner.Id, jobId);
        Assert.Equal(ExportStatus.Completed, job.Status);
        var configuration = (IConfigurationRoot)factory.Services.GetRequiredService<IConfiguration>();

        configuration["AuditLog:Enabled"] = "false";
        configuration.Reload();
        using var refused = await client.GetAsync($"/download/{job.AttachmentId}", Ct);
        configuration["AuditLog:Enabled"] = "true";
        configuration.Reload();
        using var served = await client.GetAsync($"/download/{job.AttachmentId}", Ct);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, refused.StatusCode);
        Assert.Equal("audit_log_disabled", (await JsonAsync(refused)).GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("application/zip", served.Content.Headers.ContentType?.MediaType);
    }
}
