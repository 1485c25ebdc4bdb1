using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Export;
using AuditAdmin.Core.Features.Notifications;
using AuditAdmin.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Tests.Web.Endpoints;

public sealed class NotificationEndpointsTests(NotificationEndpointsTests.Factory factory) : IClassFixture<NotificationEndpointsTests.Factory>
{
    /// <summary>MEDIUM records IN_APP_NOTIFICATION_ALL_STATUSES_OPEN (SMALL does not).</summary>
    public sealed class Factory() : AuditAdminFactory(new Dictionary<string, string?> { ["AuditLog:ActionGroupSize"] = "MEDIUM" });

    private static readonly string[] ReadWrite = [Scopes.WriteInAppNotification];
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(AppUser User, HttpClient Client)> UserAsync(string[]? scopes = null)
    {
        var user = await factory.CreateUserAsync("user-" + Guid.NewGuid().ToString("N")[..10]);
        var token = await factory.CreateTokenAsync(user, scopes ?? ReadWrite);
        return (user, factory.CreateTokenClient(token));
    }

    private Task<InAppNotification> NotifyAsync(AppUser user, string action, Guid jobId, DateTime at) =>
        NotificationSeed.AddNotificationAsync(factory.DbFactory, user.Id, action, jobId, at);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct));

    [Fact]
    public async Task List_ShouldReturnOnlyTheCallersNotifications_NewestFirst()
    {
        var (alice, client) = await UserAsync();
        var (bob, _) = await UserAsync();
        var t0 = DateTime.UtcNow.AddHours(-1);
        var job = await NotificationSeed.AddJobAsync(factory.DbFactory, alice.Id, ExportStatus.Failed);
        var older = await NotifyAsync(alice, SupportedActions.AuditLogBulkExportFailed, job.Id, t0);
        var newer = await NotifyAsync(alice, SupportedActions.AuditLogBulkExportJobExpired, job.Id, t0.AddMinutes(5));
        var bobs = await NotifyAsync(bob, SupportedActions.AuditLogBulkExportFailed, Guid.CreateVersion7(), t0.AddMinutes(10));

        using var response = await client.GetAsync("/_api/v3/in-app-notification/list", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(2, body.GetProperty("totalDocs").GetInt32());
        var docs = body.GetProperty("docs").EnumerateArray().ToList();
        Assert.Equal([newer.Id.ToString(), older.Id.ToString()], docs.Select(d => d.GetProperty("_id").GetString()!));
        Assert.DoesNotContain(docs, d => d.GetProperty("_id").GetString() == bobs.Id.ToString());
        Assert.All(docs, d => Assert.Equal(alice.Id, d.GetProperty("user").GetProperty("_id").GetString()));
        var first = docs[0];
        Assert.Equal(SupportedActions.AuditLogBulkExportJobExpired, first.GetProperty("action").GetString());
        Assert.Equal(ExportService.TargetModel, first.GetProperty("targetModel").GetString());
        Assert.Equal(InAppNotificationStatus.Unopened, first.GetProperty("status").GetString());
        Assert.EndsWith("Z", first.GetProperty("createdAt").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_ShouldPopulateTheJob_WithTheDownloadPathOnlyWhileTheZipExists()
    {
        var (alice, client) = await UserAsync();
        var now = DateTime.UtcNow;
        var completed = await NotificationSeed.AddJobAsync(factory.DbFactory, alice.Id, ExportStatus.Completed, now, withAttachment: true, count: 42);
        var failed = await NotificationSeed.AddJobAsync(factory.DbFactory, alice.Id, ExportStatus.Failed);
        await NotifyAsync(alice, SupportedActions.AuditLogBulkExportCompleted, completed.Id, now.AddSeconds(-3));
        await NotifyAsync(alice, SupportedActions.AuditLogBulkExportFailed, failed.Id, now.AddSeconds(-2));
        await NotifyAsync(alice, SupportedActions.AuditLogBulkExportCompleted, Guid.CreateVersion7(), now.AddSeconds(-1));

        using var response = await client.GetAsync("/_api/v3/in-app-notification/list", Ct);

        var docs = (await JsonAsync(response)).GetProperty("docs").EnumerateArray().ToList();
        Assert.Equal(JsonValueKind.Null, docs[0].GetProperty("target").ValueKind);
        var failedTarget = docs[1].GetProperty("target");
        Assert.Equal(failed.Id.ToString(), failedTarget.GetProperty("_id").GetString());
        Assert.Equal(ExportStatus.Failed, failedTarget.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, failedTarget.GetProperty("attachment").ValueKind);
        var completedTarget = docs[2].GetProperty("target");
        Assert.Equal(ExportStatus.Completed, completedTarget.GetProperty("status").GetString());
        Assert.Equal(42, completedTarget.GetProperty("totalExportedCount").GetInt64());
        var attachment = completedTarget.GetProperty("attachment");
        Assert.Equal(completed.AttachmentId.ToString(), attachment.GetProperty("_id").GetString());
        Assert.Equal($"/download/{completed.AttachmentId}", attachment.GetProperty("downloadPathProxied").GetString());
    }

    [Fact]
    public async Task List_ShouldNotPopulateAnotherUsersJob_EvenWhenANotificationPointsAtIt()
    {
        var (alice, client) = await UserAsync();
        var (bob, _) = await UserAsync();
        var bobsJob = await NotificationSeed.AddJobAsync(factory.DbFactory, bob.Id, ExportStatus.Completed, DateTime.UtcNow, withAttachment: true);
        await NotifyAsync(alice, SupportedActions.AuditLogBulkExportCompleted, bobsJob.Id, DateTime.UtcNow);

        using var response = await client.GetAsync("/_api/v3/in-app-notification/list", Ct);

        var doc = (await JsonAsync(response)).GetProperty("docs")[0];
        Assert.Equal(JsonValueKind.Null, doc.GetProperty("target").ValueKind);
    }

    [Fact]
    public async Task List_ShouldPageWithGrowisEnvelope_AndFilterByStatus()
    {
        var (alice, client) = await UserAsync();
        var t0 = DateTime.UtcNow.AddDays(-1);
        for (var i = 0; i < 25; i++)
        {
            await NotificationSeed.AddNotificationAsync(factory.DbFactory, alice.Id, SupportedActions.AuditLogBulkExportFailed,
                Guid.CreateVersion7(), t0.AddMinutes(i), i < 3 ? InAppNotificationStatus.Unopened : InAppNotificationStatus.Opened);
        }

        var firstPage = await JsonAsync(await client.GetAsync("/_api/v3/in-app-notification/list", Ct));
        Assert.Equal(10, firstPage.GetProperty("limit").GetInt32());
        Assert.Equal(10, firstPage.GetProperty("docs").GetArrayLength());

        var second = await JsonAsync(await client.GetAsync("/_api/v3/in-app-notification/list?limit=10&offset=10", Ct));
        Assert.Equal(25, second.GetProperty("totalDocs").GetInt32());
        Assert.Equal(10, second.GetProperty("offset").GetInt32());
        Assert.Equal(3, second.GetProperty("totalPages").GetInt32());
        Assert.Equal(2, second.GetProperty("page").GetInt32());
        Assert.Equal(11, second.GetProperty("pagingCounter").GetInt32());
        Assert.True(second.GetProperty("hasPrevPage").GetBoolean());
        Assert.True(second.GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(1, second.GetProperty("prevPage").GetInt32());
        Assert.Equal(3, second.GetProperty("nextPage").GetInt32());

        var last = await JsonAsync(await client.GetAsync("/_api/v3/in-app-notification/list?limit=10&offset=20", Ct));
        Assert.Equal(5, last.GetProperty("docs").GetArrayLength());
        Assert.False(last.GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(JsonValueKind.Null, last.GetProperty("nextPage").ValueKind);

        var unread = await JsonAsync(await client.GetAsync("/_api/v3/in-app-notification/list?status=UNOPENED", Ct));
        Assert.Equal(3, unread.GetProperty("totalDocs").GetInt32());
        Assert.All(unread.GetProperty("docs").EnumerateArray(),
            d => Assert.Equal(InAppNotificationStatus.Unopened, d.GetProperty("status").GetString()));
        Assert.False(unread.GetProperty("hasPrevPage").GetBoolean());
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("offset=1.5", "offset")]
    [InlineData("status=READ", "status")]
    public async Task List_ShouldAnswer400WithTheParam_WhenAQueryValueIsInvalid(string query, string param)
    {
        var (_, client) = await UserAsync();

        using var response = await client.GetAsync($"/_api/v3/in-app-notification/list?{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await JsonAsync(response)).GetProperty("errors")[0];
        Assert.Equal("validation_failed", error.GetProperty("code").GetString());
        Assert.Equal(param, error.GetProperty("param").GetString());
    }

    [Fact]
    public async Task Status_ShouldCountOnlyTheCallersUnopenedNotifications()
    {
        var (alice, client) = await UserAsync([Scopes.ReadInAppNotification]);
        var (bob, _) = await UserAsync();
        await NotifyAsync(alice, SupportedActions.AuditLogBulkExportFailed, Guid.CreateVersion7(), DateTime.UtcNow);
        await NotificationSeed.AddNotificationAsync(factory.DbFactory, alice.Id, SupportedActions.AuditLogBulkExportFailed,
            Guid.CreateVersion7(), DateTime.UtcNow, InAppNotificationStatus.Opened);
        await NotifyAsync(bob, SupportedActions.AuditLogBulkExportFailed, Guid.CreateVersion7(), DateTime.UtcNow);

        var body = await JsonAsync(await client.GetAsync("/_api/v3/in-app-notification/status", Ct));

        Assert.Equal(1, body.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Open_ShouldMarkTheCallersNotificationOpened()
    {
        var (alice, client) = await UserAsync();
        var mine = await NotifyAsync(alice, SupportedActions.AuditLogBulkExportFailed, Guid.CreateVersion7(), DateTime.UtcNow);

        using var response = await client.PostAsJsonAsync("/_api/v3/in-app-notification/open", new { id = mine.Id }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var notification = (await JsonAsync(response)).GetProperty("notification");
        Assert.Equal(mine.Id.ToString(), notification.GetProperty("_id").GetString());
        Assert.Equal(InAppNotificationStatus.Opened, notification.GetProperty("status").GetString());
        Assert.Equal(InAppNotificationStatus.Opened, await NotificationSeed.StatusAsync(factory.DbFactory, mine.Id));
    }

    [Fact]
    public async Task Open_ShouldAnswer404AndLeaveItUnopened_WhenTheNotificationIsAnotherUsers()
    {
        var (_, client) = await UserAsync();
        var (bob, _) = await UserAsync();
        var bobs = await NotifyAsync(bob, SupportedActions.AuditLogBulkExportFailed, Guid.CreateVersion7(), DateTime.UtcNow);

        using var response = await client.PostAsJsonAsync("/_api/v3/in-app-notification/open", new { id = bobs.Id }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not_found", (await JsonAsync(response)).GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal(InAppNotificationStatus.Unopened, await NotificationSeed.StatusAsync(factory.DbFactory, bobs.Id));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"id\":42}")]
    [InlineData("{\"id\":\"not-a-guid\"}")]
    public async Task Open_ShouldAnswer400WithParamId_WhenTheIdIsMissingOrMalformed(string json)
    {
        var (_, client) = await UserAsync();

        using var response = await client.PostAsync("/_api/v3/in-app-notification/open",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("id", (await JsonAsync(response)).GetProperty("errors")[0].GetProperty("param").GetString());
    }

    [Fact]
    public async Task Open_ShouldAnswer400_WhenTheBodyIsNotJson()
    {
        var (_, client) = await UserAsync();

        using var response = await client.PostAsync("/_api/v3/in-app-notification/open",
            new StringContent("{id:", System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("validation_failed", (await JsonAsync(response)).GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task AllStatusesOpen_ShouldOpenOnlyTheCallersNotifications_AndRecordTheActivity()
    {
        var (alice, client) = await UserAsync();
        var (bob, _) = await UserAsync();
        var a1 = await NotifyAsync(alice, SupportedActions.AuditLogBulkExportFailed, Guid.CreateVersion7(), DateTime.UtcNow);
        var a2 = await NotifyAsync(alice, SupportedActions.AuditLogBulkExportNoResults, Guid.CreateVersion7(), DateTime.UtcNow);
        var bobs = await NotifyAsync(bob, SupportedActions.AuditLogBulkExportFailed, Guid.CreateVersion7(), DateTime.UtcNow);

        using var response = await client.PutAsync("/_api/v3/in-app-notification/all-statuses-open", null, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(InAppNotificationStatus.Opened, await NotificationSeed.StatusAsync(factory.DbFactory, a1.Id));
        Assert.Equal(InAppNotificationStatus.Opened, await NotificationSeed.StatusAsync(factory.DbFactory, a2.Id));
        Assert.Equal(InAppNotificationStatus.Unopened, await NotificationSeed.StatusAsync(factory.DbFactory, bobs.Id));
        await using var db = await factory.DbFactory.CreateDbContextAsync(Ct);
        var recorded = await db.Activities.SingleAsync(a => a.UserId == alice.Id, Ct);
        Assert.Equal(SupportedActions.InAppNotificationAllStatusesOpen, recorded.Action);
        Assert.Equal(alice.UserName, recorded.Username);
    }

    [Fact]
    public async Task Writes_ShouldAnswer403_WhenTheTokenOnlyReads()
    {
        var (alice, client) = await UserAsync([Scopes.ReadInAppNotification]);
        var mine = await NotifyAsync(alice, SupportedActions.AuditLogBulkExportFailed, Guid.CreateVersion7(), DateTime.UtcNow);

        using var open = await client.PostAsJsonAsync("/_api/v3/in-app-notification/open", new { id = mine.Id }, Ct);
        using var all = await client.PutAsync("/_api/v3/in-app-notification/all-statuses-open", null, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, open.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, all.StatusCode);
        Assert.Equal(InAppNotificationStatus.Unopened, await NotificationSeed.StatusAsync(factory.DbFactory, mine.Id));
    }

    [Fact]
    public async Task List_ShouldAnswer403_WhenTheTokenLacksTheNotificationScope_And401WithoutCredentials()
    {
        var (_, client) = await UserAsync([Scopes.ReadAttachment]);
        using var anonymous = factory.CreateClient();

        using var forbidden = await client.GetAsync("/_api/v3/in-app-notification/list", Ct);
        using var unauthorized = await anonymous.GetAsync("/_api/v3/in-app-notification/list", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
    }
}
