using System.Net;
using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Activities;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Tests.Web.Endpoints;

public sealed class ActivityIngestionEndpointTests(ApiFixture fixture) : ActivityIngestionEndpointTests<ApiFixture>(fixture);

[Trait(TestDatabase.Trait, nameof(DatabaseProvider.PostgreSql))]
public sealed class PostgreSqlActivityIngestionEndpointTests(PostgreSqlApiFixture fixture)
    : ActivityIngestionEndpointTests<PostgreSqlApiFixture>(fixture);

/// <summary>POST /_api/v3/activities; each test reads back only the usernames it sent.</summary>
public abstract class ActivityIngestionEndpointTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : ApiFixture
{
    private async Task<List<Activity>> StoredAsync(string username)
    {
        await using var db = await fixture.Factory.DbFactory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.Activities.AsNoTracking().Where(a => a.Username == username).OrderBy(a => a.Id).ToListAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Ingest_ShouldStoreAvailableActions_AndSkipTheOthers()
    {
        using var response = await fixture.Admin.PostJsonAsync("/_api/v3/activities", """
            {"activities":[
              {"action":"USER_LOGIN_WITH_LOCAL","username":"ing-1","ip":"10.9.9.9","endpoint":"/login","createdAt":"2026-11-20T08:00:00Z"},
              {"action":"PAGE_VIEW","username":"ing-1"},
              {"action":"USER_REGISTRATION_APPROVAL_REQUEST","username":"ing-1","snapshot":{"username":"ing-1","jobId":"j1"}}
            ]}
            """);

        var body = await response.JsonAsync(HttpStatusCode.Created);
        Assert.Equal((2, 1), (body.GetProperty("accepted").GetInt32(), body.GetProperty("skipped").GetInt32()));
        var stored = await StoredAsync("ing-1");
        Assert.Equal([SupportedActions.UserLoginWithLocal, SupportedActions.UserRegistrationApprovalRequest], stored.Select(a => a.Action));
        Assert.All(stored, a => Assert.Equal(ActivitySources.Ingested, a.Source));
        Assert.Equal(("10.9.9.9", "/login", new DateTime(2026, 11, 20, 8, 0, 0, DateTimeKind.Utc)), (stored[0].Ip, stored[0].Endpoint, stored[0].CreatedAt));
        Assert.Equal("""{"username":"ing-1","jobId":"j1"}""", stored[1].Snapshot);
    }

    [Fact]
    public async Task Ingest_ShouldStoreNothing_WhenOneEventIsInvalid()
    {
        using var response = await fixture.Admin.PostJsonAsync("/_api/v3/activities", """
            {"activities":[{"action":"USER_LOGOUT","username":"ing-2"},{"action":"USER_LOGOUT","username":"ing-2"},
              {"action":"USER_LOGOUT","username":"ing-2"},{"action":"LOGOUT","username":"ing-2"}]}
            """);

        Assert.Equal(("validation_failed", "activities[3].action"), await response.ErrorAsync(HttpStatusCode.BadRequest));
        Assert.Empty(await StoredAsync("ing-2"));
    }

    [Fact]
    public async Task Ingest_ShouldReportEveryBadFieldOfEveryEvent_AndStoreNothing()
    {
        using var response = await fixture.Admin.PostJsonAsync("/_api/v3/activities", """
            {"activities":[{"action":"LOGOUT","username":"ing-many","createdAt":"yesterday"},{"action":"USER_LOGOUT","username":"ing-many"},
              {"action":"USER_LOGOUT","username":"ing-many","snapshot":"x"}]}
            """);

        (string, string?)[] expected =
            [("validation_failed", "activities[0].action"), ("validation_failed", "activities[0].createdAt"), ("validation_failed", "activities[2].snapshot")];
        Assert.Equal(expected, (await response.ErrorsAsync(HttpStatusCode.BadRequest)).Select(e => (e.Code, e.Param)));
        Assert.Empty(await StoredAsync("ing-many"));
    }

    [Theory]
    [InlineData("{\"activities\":[", "body")]
    [InlineData("{}", "activities")]
    [InlineData("{\"activities\":\"USER_LOGOUT\"}", "activities")]
    [InlineData("", "activities")]
    public async Task Ingest_ShouldAnswer400_ForABadBody(string body, string param)
    {
        using var response = await fixture.Admin.PostJsonAsync("/_api/v3/activities", body);

        Assert.Equal(("validation_failed", param), await response.ErrorAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Ingest_ShouldRefuseMoreThanAThousandEvents()
    {
        var events = string.Join(",", Enumerable.Repeat("""{"action":"USER_LOGOUT","username":"ing-3"}""", 1001));

        using var response = await fixture.Admin.PostJsonAsync("/_api/v3/activities", $$"""{"activities":[{{events}}]}""");

        Assert.Equal(("validation_failed", "activities"), await response.ErrorAsync(HttpStatusCode.BadRequest));
        Assert.Empty(await StoredAsync("ing-3"));
    }

    [Fact]
    public async Task Ingest_ShouldStoreAThousandEvents()
    {
        var events = string.Join(",", Enumerable.Range(0, 1000).Select(i => $$"""{"action":"USER_LOGOUT","username":"ing-4","target":"{{i}}"}"""));

        using var response = await fixture.Admin.PostJsonAsync("/_api/v3/activities", $$"""{"activities":[{{events}}]}""");

        Assert.Equal(1000, (await response.JsonAsync(HttpStatusCode.Created)).GetProperty("accepted").GetInt32());
        Assert.Equal(1000, (await StoredAsync("ing-4")).Count);
    }

    [Fact]
    public async Task IngestedEvents_ShouldBeListed()
    {
        using var ingest = await fixture.Admin.PostJsonAsync("/_api/v3/activities",
            """{"activities":[{"action":"USER_LOGOUT","username":"ing-5","snapshot":{"username":"ing-5","n":1}}]}""");
        Assert.Equal(HttpStatusCode.Created, ingest.StatusCode);

        var page = await fixture.Admin.PageAsync("?limit=5" + ActivityApi.Filter(new { usernames = new[] { "ing-5" } }));

        var doc = Assert.Single(page.GetProperty("docs").EnumerateArray());
        Assert.Equal(1, doc.GetProperty("snapshot").GetProperty("n").GetInt32());
    }

    [Fact]
    public async Task Ingest_ShouldRefuseChainOfCustodyActions_NamingThem_AndStoreNothing()
    {
        using var response = await fixture.Admin.PostJsonAsync("/_api/v3/activities", """
            {"activities":[
              {"action":"USER_LOGOUT","username":"ing-forge"},
              {"action":"ATTACHMENT_DOWNLOAD","username":"ing-forge","createdAt":"2026-11-01T08:00:00Z"}
            ]}
            """);

        var body = await response.JsonAsync(HttpStatusCode.BadRequest);
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal("validation_failed", error.GetProperty("code").GetString());
        Assert.Equal("activities[1].action", error.GetProperty("param").GetString());
        Assert.Contains("ATTACHMENT_DOWNLOAD", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(await StoredAsync("ing-forge"));
    }

    [Fact]
    public async Task List_ShouldTellIngestedRowsFromTheAppsOwn_WithWhoSentThem()
    {
        using var response = await fixture.Admin.PostJsonAsync("/_api/v3/activities", """{"activities":[{"action":"USER_LOGOUT","username":"ing-prov"}]}""");
        await response.JsonAsync(HttpStatusCode.Created);

        var page = await fixture.Admin.PageAsync("?limit=100" + ActivityApi.Filter(new { usernames = new[] { "ing-prov", "admin" } }));

        var docs = page.GetProperty("docs").EnumerateArray().ToList();
        var ingested = Assert.Single(docs, d => d.GetProperty("username").GetString() == "ing-prov");
        Assert.Equal(("ingested", "admin"), (ingested.GetProperty("source").GetString(), ingested.GetProperty("ingestedBy").GetString()));
        var calls = docs.Where(d => d.GetProperty("action").GetString() == SupportedActions.AuditLogIngested).ToList();
        Assert.NotEmpty(calls);
        Assert.All(calls, call =>
        {
            Assert.Equal("app", call.GetProperty("source").GetString());
            Assert.False(call.TryGetProperty("ingestedBy", out _));
        });
    }
}
