using System.Net;
using System.Net.Http.Headers;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Export;
using AuditAdmin.Core.Identity;
using AuditAdmin.Tests.Features.Export;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AuditAdmin.Tests.TestInfrastructure.ExportApi;

namespace AuditAdmin.Tests.Web.Endpoints;

/// <summary>The application running exports through Quartz, with ATTACHMENT_DOWNLOAD recorded (MEDIUM group).</summary>
public sealed class RunningExportsFactory() : AuditAdminFactory(new Dictionary<string, string?>
{
    ["AuditLog:ActionGroupSize"] = "MEDIUM",
    ["Export:MaxLogsPerFile"] = "7",
});

/// <summary>Request → Quartz run → completed job → download, over HTTP, and who may (not) download.</summary>
public sealed class DownloadEndpointsTests(RunningExportsFactory factory) : IClassFixture<RunningExportsFactory>
{
    private async Task<(AppUser Owner, HttpClient Client, AuditLogBulkExportJob Job)> CompletedExportAsync()
    {
        await using (var db = await factory.DbFactory.CreateDbContextAsync(Ct))
        {
            if (!await db.Activities.AnyAsync(a => a.Username == "seeded", Ct))
            {
                await ActivitySeed.InsertAsync(factory.DbFactory, ActivitySeed.Rows(20, usernames: ["seeded"]));
            }
        }
        var (owner, client) = await AdminClientAsync(factory);
        using var created = await PostRawAsync(client, """{"filters":{"usernames":["seeded"]}}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var jobId = (await JsonAsync(created)).GetProperty("jobId").GetGuid();
        var job = await ExportCompletion.WaitAsync(factory.Services, owner.Id, jobId);
        Assert.Equal(ExportStatus.Completed, job.Status);
        return (owner, client, job);
    }

    [Fact]
    public async Task Job_ShouldCompleteThroughTheScheduler_AndOfferItsDownloadUrl()
    {
        var (_, client, job) = await CompletedExportAsync();

        using var response = await client.GetAsync($"{ApiPath}/{job.Id}", Ct);

        var body = await JsonAsync(response);
        Assert.Equal("completed", body.GetProperty("status").GetString());
        Assert.Equal(20, body.GetProperty("totalExportedCount").GetInt64());
        Assert.Equal($"/download/{job.AttachmentId}", body.GetProperty("downloadUrl").GetString());
        Assert.True(body.GetProperty("downloadExpiresAt").GetDateTime() > DateTime.UtcNow.AddHours(71));
    }

    [Fact]
    public async Task Download_ShouldStreamTheZipToItsOwner_WithZipTypeDispositionAndETag()
    {
        var (owner, client, job) = await CompletedExportAsync();

        using var response = await client.GetAsync($"/download/{job.AttachmentId}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!.ToString();
        Assert.Equal($"attachment; filename=\"audit-logs-{job.FilterHash}.zip\"; filename*=UTF-8''audit-logs-{job.FilterHash}.zip", disposition);
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal("bytes", response.Headers.AcceptRanges.Single());
        var zip = await ExportZip.ReadAsync(await response.Content.ReadAsStreamAsync(Ct));
        Assert.Equal(3, zip.EntryNames.Count);
        Assert.Equal(20, zip.Ids.Distinct().Count());
        Assert.All(zip.Records, r => Assert.Equal("seeded", r.GetProperty("username").GetString()));

        await using var db = await factory.DbFactory.CreateDbContextAsync(Ct);
        var activity = await db.Activities.SingleAsync(a => a.Action == SupportedActions.AttachmentDownload && a.UserId == owner.Id, Ct);
        Assert.Equal(job.AttachmentId.ToString(), activity.Target);
        Assert.Contains("originalName", activity.Snapshot, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_ShouldAnswer304ToAMatchingIfNoneMatch_AndServeRanges()
    {
        var (_, client, job) = await CompletedExportAsync();
        using var first = await client.GetAsync($"/download/{job.AttachmentId}", Ct);
        var bytes = await first.Content.ReadAsByteArrayAsync(Ct);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/download/{job.AttachmentId}");
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var notModified = await client.SendAsync(conditional, Ct);
        using var ranged = new HttpRequestMessage(HttpMethod.Get, $"/download/{job.AttachmentId}");
        ranged.Headers.Range = new RangeHeaderValue(10, 19);
        using var partial = await client.SendAsync(ranged, Ct);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(bytes[10..20], await partial.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Download_ShouldBe404_ForAnotherAdmin_AndAnUnknownId()
    {
        var (_, _, job) = await CompletedExportAsync();
        var (_, otherAdmin) = await AdminClientAsync(factory, scopes: [Scopes.ReadAttachment, Scopes.ReadAuditLog]);

        using var a = await otherAdmin.GetAsync($"/download/{job.AttachmentId}", Ct);
        using var c = await otherAdmin.GetAsync($"/download/{Guid.CreateVersion7()}", Ct);
        using var d = await otherAdmin.GetAsync("/download/not-a-guid", Ct);
        using var e = await otherAdmin.GetAsync($"{ApiPath}/{job.Id}", Ct);

        Assert.All(new[] { a, c, d, e }, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal("not_found", (await ErrorAsync(a)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Download_ShouldBe403_ForAPlainUser_AndForItsOwnerOnceDemoted_AtOnce()
    {
        var (owner, client, job) = await CompletedExportAsync();
        var (_, plainUser) = await AdminClientAsync(factory, admin: false, scopes: [Scopes.ReadAttachment]);
        var (boss, _) = await AdminClientAsync(factory);
        using (var before = await client.GetAsync($"/download/{job.AttachmentId}", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var demoted = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
                .SetRoleAsync(owner.Id, UserRole.User, new UserAdminActor(boss.Id, boss.UserName), Ct);
            Assert.True(demoted.Succeeded, demoted.Describe());
        }
        using var b = await plainUser.GetAsync($"/download/{job.AttachmentId}", Ct);
        using var after = await client.GetAsync($"/download/{job.AttachmentId}", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, b.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
        Assert.Equal("forbidden", (await ErrorAsync(after)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Download_ShouldNeedSignInAndTheAttachmentScope()
    {
        var (owner, _, job) = await CompletedExportAsync();
        using var anonymous = factory.CreateClient();
        var withoutScope = factory.CreateTokenClient(await factory.CreateTokenAsync(owner, [Scopes.ReadAuditLog]));

        using var a = await anonymous.GetAsync($"/download/{job.AttachmentId}", Ct);
        using var b = await withoutScope.GetAsync($"/download/{job.AttachmentId}", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, b.StatusCode);
    }

    [Fact]
    public async Task Download_ShouldBe410_OnceTheDownloadWindowHasPassed_EvenBeforeCleanup()
    {
        var (_, client, job) = await CompletedExportAsync();
        await using (var db = await factory.DbFactory.CreateDbContextAsync(Ct))
        {
            await db.AuditLogBulkExportJobs.Where(j => j.Id == job.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.CompletedAt, DateTime.UtcNow.AddSeconds(-259_201)), Ct);
        }

        using var response = await client.GetAsync($"/download/{job.AttachmentId}", Ct);
        using var status = await client.GetAsync($"{ApiPath}/{job.Id}", Ct);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal("download_expired", (await ErrorAsync(response)).GetProperty("code").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await JsonAsync(status)).GetProperty("downloadUrl").ValueKind);
    }

    [Fact]
    public async Task Notifications_ShouldGoToTheOwner_AndRecordTheCompletion()
    {
        var (owner, _, job) = await CompletedExportAsync();

        await using var db = await factory.DbFactory.CreateDbContextAsync(Ct);
        var notification = await db.InAppNotifications.SingleAsync(n => n.TargetId == job.Id.ToString(), Ct);
        Assert.Equal((owner.Id, SupportedActions.AuditLogBulkExportCompleted, "AuditLogBulkExportJob"),
            (notification.UserId, notification.Action, notification.TargetModel));
        Assert.True(await db.Activities.AnyAsync(a => a.Action == SupportedActions.AuditLogBulkExportCompleted && a.Target == job.Id.ToString(), Ct));
    }
}
