using System.Net;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Export;
using AuditAdmin.Tests.Features.Export;
using static AuditAdmin.Tests.TestInfrastructure.ExportApi;

namespace AuditAdmin.Tests.Web.Endpoints;

/// <summary>The default configuration (action group SMALL) that records neither downloads nor admin actions.</summary>
public sealed class DefaultGroupExportsFactory() : AuditAdminFactory(new Dictionary<string, string?> { ["Export:MaxLogsPerFile"] = "7" });

/// <summary>Whoever takes the audit log away is in it, whatever the action group says (DESIGN 8.10).</summary>
public sealed class ChainOfCustodyTests(DefaultGroupExportsFactory factory) : IClassFixture<DefaultGroupExportsFactory>
{
    [Fact]
    public async Task ExportAndDownload_ShouldBothBeInTheListApi_WithTheDefaultActionGroup()
    {
        await ActivitySeed.InsertAsync(factory.DbFactory, ActivitySeed.Rows(10, usernames: ["custody"]));
        var (owner, client) = await AdminClientAsync(factory,
            scopes: [Core.Identity.Scopes.WriteAuditLog, Core.Identity.Scopes.ReadAttachment]);
        using var created = await PostRawAsync(client, """{"filters":{"usernames":["custody"]}}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var jobId = (await JsonAsync(created)).GetProperty("jobId").GetGuid();
        var job = await ExportCompletion.WaitAsync(factory.Services, owner.Id, jobId);
        Assert.Equal(ExportStatus.Completed, job.Status);
        using (var download = await client.GetAsync($"/download/{job.AttachmentId}", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            await download.Content.ReadAsByteArrayAsync(Ct);
        }

        using var list = await client.GetAsync("/_api/v3/activity?limit=100", Ct);

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var docs = (await JsonAsync(list)).GetProperty("serializedPaginationResult").GetProperty("docs").EnumerateArray()
            .Where(d => d.GetProperty("username").GetString() == owner.UserName).ToList();
        var request = Assert.Single(docs, d => d.GetProperty("action").GetString() == SupportedActions.AuditLogBulkExportRequested);
        Assert.Equal(jobId.ToString(), request.GetProperty("target").GetString());
        var downloaded = Assert.Single(docs, d => d.GetProperty("action").GetString() == SupportedActions.AttachmentDownload);
        Assert.Equal(job.AttachmentId.ToString(), downloaded.GetProperty("target").GetString());
        Assert.Contains(docs, d => d.GetProperty("action").GetString() == SupportedActions.AuditLogBulkExportCompleted
            && d.GetProperty("target").GetString() == jobId.ToString());
    }

    [Theory]
    [InlineData("SMALL")]
    [InlineData("NONE")]
    public void AvailableActions_ShouldAlwaysHoldTheChainOfCustody_WhateverTheSettings(string group)
    {
        foreach (var settings in new[]
                 {
                     new AuditLogOptions { ActionGroupSize = group },
                     new AuditLogOptions { ActionGroupSize = group, ExcludeActions = SupportedActions.AttachmentDownload },
                     new AuditLogOptions { Enabled = false },
                 })
        {
            var available = new AvailableActions(new FixedOptionsMonitor<AuditLogOptions>(settings));
            var recorded = available.Get(includeEssential: true);
            var searchable = available.Get(includeEssential: false);
            Assert.All(ActionCatalog.InGroup(ActionGroups.Custody), action =>
            {
                Assert.Contains(action, recorded);
                Assert.Contains(action, searchable);
            });
        }
    }
}
