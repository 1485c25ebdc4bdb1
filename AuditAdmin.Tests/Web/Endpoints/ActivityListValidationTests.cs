using System.Net;
using AuditAdmin.Core.Data;

namespace AuditAdmin.Tests.Web.Endpoints;

public class ApiFixture : IAsyncLifetime
{
    public ApiFixture() : this(DatabaseProvider.Sqlite)
    {
    }

    protected ApiFixture(DatabaseProvider provider) => Factory = AuditAdminFactory.On(provider);

    public AuditAdminFactory Factory { get; }
    public HttpClient Admin { get; private set; } = default!;

    public async ValueTask InitializeAsync() => Admin = await Factory.AdminClientAsync("admin", scope: AuditAdmin.Core.Identity.Scopes.WriteAuditLog);

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Factory.DisposeAsync();
    }
}

public sealed class PostgreSqlApiFixture() : ApiFixture(DatabaseProvider.PostgreSql);

public sealed class ActivityListValidationTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=101", "limit")]
    [InlineData("?limit=abc", "limit")]
    [InlineData("?limit=", "limit")]
    [InlineData("?limit=1&limit=2", "limit")]
    [InlineData("?offset=-1", "offset")]
    [InlineData("?offset=1.5", "offset")]
    [InlineData("?searchFilter=%7Bbad", "searchFilter")]
    [InlineData("?searchFilter=%5B%5D", "searchFilter")]
    [InlineData("?searchFilter=%7B%22usernames%22%3A%22alice%22%7D", "searchFilter.usernames")]
    [InlineData("?searchFilter=%7B%22usernames%22%3A%5B%22a%22%2C1%5D%7D", "searchFilter.usernames[1]")]
    [InlineData("?searchFilter=%7B%22actions%22%3A5%7D", "searchFilter.actions")]
    [InlineData("?searchFilter=%7B%22source%22%3A%22forged%22%7D", "searchFilter.source")]
    [InlineData("?searchFilter=%7B%22source%22%3A1%7D", "searchFilter.source")]
    [InlineData("?searchFilter=%7B%22dates%22%3A%22x%22%7D", "searchFilter.dates")]
    [InlineData("?searchFilter=%7B%22dates%22%3A%7B%22startDate%22%3A%222024%2F01%2F01%22%7D%7D", "searchFilter.dates.startDate")]
    [InlineData("?searchFilter=%7B%22dates%22%3A%7B%22endDate%22%3A%222024-02-30%22%7D%7D", "searchFilter.dates.endDate")]
    [InlineData("?searchFilter=%7B%22dates%22%3A%7B%22startDate%22%3A%222024-02-02%22%2C%22endDate%22%3A%222024-02-01%22%7D%7D", "searchFilter.dates")]
    public async Task Get_ShouldAnswer400WithTheParam_WhenAParameterIsInvalid(string query, string param)
    {
        using var response = await fixture.Admin.GetAsync("/_api/v3/activity" + query, TestContext.Current.CancellationToken);

        Assert.Equal(("validation_failed", param), await response.ErrorAsync(HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData("{\"limit\":", "body")]
    [InlineData("[]", "body")]
    [InlineData("{\"limit\":true}", "limit")]
    [InlineData("{\"limit\":2.5}", "limit")]
    [InlineData("{\"offset\":\"-3\"}", "offset")]
    [InlineData("{\"searchFilter\":\"{}\"}", "searchFilter")]
    [InlineData("{\"searchFilter\":{\"usernames\":[null]}}", "searchFilter.usernames[0]")]
    public async Task Post_ShouldAnswer400WithTheParam_WhenTheBodyIsInvalid(string body, string param)
    {
        using var response = await fixture.Admin.PostJsonAsync("/_api/v3/activity/list", body);

        Assert.Equal(("validation_failed", param), await response.ErrorAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Get_ShouldReportEveryProblemOfTheQuery_EachWithItsParam()
    {
        using var response = await fixture.Admin.GetAsync("/_api/v3/activity?limit=0&offset=-1" + ActivityApi.Filter(new { source = "forged" }),
            TestContext.Current.CancellationToken);

        (string, string?, string)[] expected =
        [
            ("validation_failed", "limit", "limit must be an integer from 1 to 100"),
            ("validation_failed", "offset", "offset must be an integer of at least 0"),
            ("validation_failed", "searchFilter.source", "source must be \"app\" or \"ingested\""),
        ];
        Assert.Equal(expected, await response.ErrorsAsync(HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData("""{"limit":0,"offset":-1,"searchFilter":{"source":"forged"}}""", "limit", "offset", "searchFilter.source")]
    [InlineData("""{"limit":true,"searchFilter":"{}"}""", "limit", "searchFilter")]
    [InlineData("""{"searchFilter":{"usernames":[1,"a",null],"actions":5,"dates":{"startDate":"2024/01/01","endDate":"2024-02-30"}}}""",
        "searchFilter.usernames[0]", "searchFilter.usernames[2]", "searchFilter.actions", "searchFilter.dates.startDate",
        "searchFilter.dates.endDate")]
    [InlineData("""{"offset":"x","searchFilter":{"dates":"x","source":1}}""", "offset", "searchFilter.dates", "searchFilter.source")]
    [InlineData("""{"searchFilter":{"usernames":"alice","dates":{"startDate":"2024-02-02","endDate":"2024-02-01"}}}""",
        "searchFilter.usernames", "searchFilter.dates")]
    public async Task Post_ShouldReportEveryProblemOfTheBody(string body, params string[] expected)
    {
        using var response = await fixture.Admin.PostJsonAsync("/_api/v3/activity/list", body);

        var errors = await response.ErrorsAsync(HttpStatusCode.BadRequest);
        Assert.Equal(expected, errors.Select(e => e.Param));
        Assert.All(errors, e => Assert.Equal("validation_failed", e.Code));
    }

    [Fact]
    public async Task Get_ShouldReportTheLimit_WhenTheSearchFilterIsGivenTwice()
    {
        using var response = await fixture.Admin.GetAsync("/_api/v3/activity?limit=abc&searchFilter=%7B%7D&searchFilter=%7B%7D",
            TestContext.Current.CancellationToken);

        string?[] expected = ["limit", "searchFilter"];
        Assert.Equal(expected, (await response.ErrorsAsync(HttpStatusCode.BadRequest)).Select(e => e.Param));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("{\"limit\":\"100\",\"offset\":0,\"searchFilter\":{\"dates\":{\"startDate\":null,\"endDate\":null}}}")]
    public async Task Post_ShouldAcceptOptionalParameters(string body)
    {
        using var response = await fixture.Admin.PostJsonAsync("/_api/v3/activity/list", body);

        var page = (await response.JsonAsync(HttpStatusCode.OK)).GetProperty("serializedPaginationResult");
        Assert.Equal(body.Contains("100", StringComparison.Ordinal) ? 100 : 20, page.GetProperty("limit").GetInt32());
    }
}
