using System.Globalization;
using System.Net;
using System.Text.Json;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Identity;

namespace AuditAdmin.Tests.Web.Endpoints;

/// <summary>Ordering ties and the shape of each document, each test on a database of its own.</summary>
public sealed class ActivityListDocumentTests : IAsyncLifetime
{
    private static readonly DateTime Newest = PagingFixture.Newest;
    private readonly AuditAdminFactory _factory = new();
    private HttpClient _client = default!;
    private AppUser _carol = default!;

    public async ValueTask InitializeAsync()
    {
        _client = await _factory.AdminClientAsync("admin");
        _carol = await _factory.CreateUserAsync("carol");
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task SameInstant_ShouldBreakTiesByNewestId()
    {
        var at = Newest.AddMinutes(1);
        await _factory.AddAsync(ActivityApi.Row("tie-first", at));
        await _factory.AddAsync(ActivityApi.Row("tie-second", at));

        var page = await _client.PageAsync("?limit=2");

        Assert.Equal(["tie-second", "tie-first"], page.Usernames());
    }

    [Fact]
    public async Task Docs_ShouldCarryGrowiFieldNames_AndTheActorWhenTheUserExists()
    {
        await _factory.AddAsync(
            new Activity
            {
                Action = SupportedActions.PageCreate, UserId = _carol.Id, Username = "carol-then", Ip = "10.1.2.3", Endpoint = "/_api/v3/page",
                TargetModel = "Page", Target = "p1", EventModel = "Comment", Event = "c1", Snapshot = """{"username":"carol-then","pagePath":"/a"}""",
                CreatedAt = new DateTime(2099, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc).AddTicks(9),
            },
            new Activity { Action = SupportedActions.UserLogout, UserId = "deleted-user", Username = "gone", CreatedAt = new DateTime(2098, 1, 1, 0, 0, 0, DateTimeKind.Utc) });

        var docs = (await _client.PageAsync("?limit=2")).GetProperty("docs");

        var doc = docs[0];
        Assert.Equal(doc.GetProperty("_id").GetString(), doc.GetProperty("id").GetString());
        Assert.True(long.TryParse(doc.GetProperty("_id").GetString(), CultureInfo.InvariantCulture, out _));
        Assert.Equal(_carol.Id, doc.GetProperty("user").GetProperty("_id").GetString());
        Assert.Equal("carol", doc.GetProperty("user").GetProperty("username").GetString());
        Assert.Equal("carol-then", doc.GetProperty("username").GetString());
        Assert.Equal(("10.1.2.3", "/_api/v3/page", "Page", "p1", "Comment", "c1", SupportedActions.PageCreate),
            (Str(doc, "ip"), Str(doc, "endpoint"), Str(doc, "targetModel"), Str(doc, "target"), Str(doc, "eventModel"), Str(doc, "event"), Str(doc, "action")));
        Assert.Equal(JsonValueKind.Object, doc.GetProperty("snapshot").ValueKind);
        Assert.Equal("/a", doc.GetProperty("snapshot").GetProperty("pagePath").GetString());
        Assert.Equal("2099-01-02T03:04:05.678Z", doc.GetProperty("createdAt").GetString());
        Assert.Equal(JsonValueKind.Null, docs[1].GetProperty("user").ValueKind);
    }

    private static string? Str(JsonElement doc, string name) => doc.GetProperty(name).GetString();
}
