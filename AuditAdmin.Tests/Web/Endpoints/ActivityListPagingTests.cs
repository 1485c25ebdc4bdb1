using System.Globalization;
using System.Net;
using System.Text.Json;
using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Identity;

namespace AuditAdmin.Tests.Web.Endpoints;

/// <summary>A database of 25 rows, user00 the newest ... user24 the oldest, one minute apart; never changed by the tests.</summary>
public class PagingFixture : IAsyncLifetime
{
    public PagingFixture() : this(DatabaseProvider.Sqlite)
    {
    }

    protected PagingFixture(DatabaseProvider provider) => Factory = AuditAdminFactory.On(provider);

    public static readonly DateTime Newest = DateTime.UtcNow.Date.AddDays(-1).AddHours(12);

    public AuditAdminFactory Factory { get; }
    public HttpClient Client { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        Client = await Factory.AdminClientAsync("admin");
        await Factory.AddAsync([.. Enumerable.Range(0, 25).Select(i => ActivityApi.Row($"user{i:D2}", Newest.AddMinutes(-i)))]);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }
}

public sealed class PostgreSqlPagingFixture() : PagingFixture(DatabaseProvider.PostgreSql);

public sealed class ActivityListPagingTests(PagingFixture fixture) : ActivityListPagingTests<PagingFixture>(fixture);

[Trait(TestDatabase.Trait, nameof(DatabaseProvider.PostgreSql))]
public sealed class PostgreSqlActivityListPagingTests(PostgreSqlPagingFixture fixture) : ActivityListPagingTests<PostgreSqlPagingFixture>(fixture);

/// <summary>The list API's pagination envelope (mongoose-paginate-v2's, as GROWI returns it), on each provider's fixture.</summary>
public abstract class ActivityListPagingTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : PagingFixture
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task FirstPage_ShouldHoldTwentyNewestFirst_WithTheReferenceEnvelope()
    {
        var page = await _client.PageAsync("");

        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"user{i:D2}"), page.Usernames());
        AssertEnvelope(page, totalDocs: 25, offset: 0, limit: 20, totalPages: 2, pageNumber: 1, pagingCounter: 1,
            hasPrev: false, hasNext: true, prev: null, next: 2);
    }

    [Fact]
    public async Task SecondPage_ShouldHoldTheRest()
    {
        var page = await _client.PageAsync("?limit=20&offset=20");

        Assert.Equal(Enumerable.Range(20, 5).Select(i => $"user{i:D2}"), page.Usernames());
        AssertEnvelope(page, totalDocs: 25, offset: 20, limit: 20, totalPages: 2, pageNumber: 2, pagingCounter: 21,
            hasPrev: true, hasNext: false, prev: 1, next: null);
    }

    [Fact]
    public async Task OffsetInsideThePage_ShouldFollowMongoosePaginateArithmetic()
    {
        var page = await _client.PageAsync("?limit=10&offset=5");

        Assert.Equal(Enumerable.Range(5, 10).Select(i => $"user{i:D2}"), page.Usernames());
        AssertEnvelope(page, totalDocs: 25, offset: 5, limit: 10, totalPages: 3, pageNumber: 1, pagingCounter: 1,
            hasPrev: true, hasNext: true, prev: 1, next: 2);
    }

    [Fact]
    public async Task OffsetPastTheEnd_ShouldAnswerNoDocs()
    {
        var page = await _client.PageAsync("?limit=100&offset=25");

        Assert.Empty(page.Usernames());
        AssertEnvelope(page, totalDocs: 25, offset: 25, limit: 100, totalPages: 1, pageNumber: 1, pagingCounter: 1,
            hasPrev: true, hasNext: false, prev: 1, next: null);
    }

    [Fact]
    public async Task EmptyResult_ShouldHaveOnePage()
    {
        var page = await _client.PageAsync("?limit=5" + ActivityApi.Filter(new { usernames = new[] { "nobody" } }));

        Assert.Empty(page.Usernames());
        AssertEnvelope(page, totalDocs: 0, offset: 0, limit: 5, totalPages: 1, pageNumber: 1, pagingCounter: 1,
            hasPrev: false, hasNext: false, prev: null, next: null);
    }

    [Fact]
    public async Task PostList_ShouldAnswerAsGet()
    {
        using var response = await _client.PostJsonAsync("/_api/v3/activity/list", """{"limit":"3","offset":1,"searchFilter":null}""");
        var page = (await response.JsonAsync(HttpStatusCode.OK)).GetProperty("serializedPaginationResult");

        Assert.Equal(["user01", "user02", "user03"], page.Usernames());
        Assert.Equal(25, page.GetProperty("totalDocs").GetInt32());
    }

    private static void AssertEnvelope(JsonElement page, int totalDocs, int offset, int limit, int totalPages, int pageNumber,
        int pagingCounter, bool hasPrev, bool hasNext, int? prev, int? next)
    {
        Assert.Equal(totalDocs, page.GetProperty("totalDocs").GetInt32());
        Assert.Equal(offset, page.GetProperty("offset").GetInt32());
        Assert.Equal(limit, page.GetProperty("limit").GetInt32());
        Assert.Equal(totalPages, page.GetProperty("totalPages").GetInt32());
        Assert.Equal(pageNumber, page.GetProperty("page").GetInt32());
        Assert.Equal(pagingCounter, page.GetProperty("pagingCounter").GetInt32());
        Assert.Equal(hasPrev, page.GetProperty("hasPrevPage").GetBoolean());
        Assert.Equal(hasNext, page.GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(prev, Nullable(page.GetProperty("prevPage")));
        Assert.Equal(next, Nullable(page.GetProperty("nextPage")));
    }

    private static int? Nullable(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetInt32();
}
