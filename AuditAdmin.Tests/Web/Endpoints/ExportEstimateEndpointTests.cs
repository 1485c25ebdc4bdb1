using System.Net;
using System.Net.Http.Json;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Identity;
using Microsoft.Extensions.DependencyInjection;
using static AuditAdmin.Tests.TestInfrastructure.ExportApi;

namespace AuditAdmin.Tests.Web.Endpoints;

/// <summary>One application and one set of rows for the estimate tests; each test reads its own usernames.</summary>
public sealed class EstimateFixture : IAsyncLifetime
{
    public static readonly DateOnly Day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-5);

    public QueuedExportsFactory Factory { get; } = new();

    public static DateTime At(int dayOffset, int hour) => Day.AddDays(dayOffset).ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc);

    public async ValueTask InitializeAsync()
    {
        var rows = new List<Activity>();
        string[] actions = [SupportedActions.PageCreate, SupportedActions.PageUpdate, SupportedActions.UserLoginWithLocal];
        for (var i = 0; i < 60; i++)
        {
            rows.Add(ActivityApi.Row(i % 3 == 0 ? "est-carol" : i % 2 == 0 ? "est-alice" : "est-bob", At(i % 4 - 1, i % 24), actions[i % 3]));
        }
        await Factory.AddAsync([.. rows]);
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}

public sealed class ExportEstimateEndpointTests(EstimateFixture fixture) : IClassFixture<EstimateFixture>
{
    private const string EstimatePath = ApiPath + "/estimate";

    private static string DayText(int offset) => EstimateFixture.Day.AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<HttpResponseMessage> EstimateAsync(HttpClient client, string body) =>
        await client.PostJsonAsync(EstimatePath, body);

    [Theory]
    [InlineData(null)]
    [InlineData("Asia/Tokyo")]
    [InlineData("America/Los_Angeles")]
    public async Task Estimate_ShouldEqualTheListsTotal_ForTheSameFilters(string? zone)
    {
        var (_, client) = await AdminClientAsync(fixture.Factory, timeZone: zone, scopes: [Scopes.ReadAuditLog]);
        var searchable = fixture.Factory.Services.GetRequiredService<AvailableActions>().Get(includeEssential: false);
        string[] actions = [.. new[] { SupportedActions.PageCreate, SupportedActions.UserLoginWithLocal }.Where(searchable.Contains)];
        Assert.NotEmpty(actions);
        object[] filters =
        [
            new { usernames = new[] { "est-alice", "est-bob", "est-carol" } },
            new { usernames = new[] { "est-alice" }, actions },
            new { usernames = new[] { "est-bob", "est-carol", "nobody" }, dates = new { startDate = DayText(0), endDate = DayText(1) } },
            new { usernames = new[] { "est-carol" }, actions, dates = new { startDate = DayText(-1), endDate = DayText(-1) } },
            new { usernames = new[] { "nobody" } },
        ];

        foreach (var filter in filters)
        {
            var listFilter = System.Text.Json.JsonSerializer.SerializeToElement(filter);
            var exportFilter = new Dictionary<string, object?>
            {
                ["usernames"] = listFilter.GetProperty("usernames"),
                ["actions"] = listFilter.TryGetProperty("actions", out var a) ? a : null,
                ["dateFrom"] = listFilter.TryGetProperty("dates", out var d) ? d.GetProperty("startDate").GetString() : null,
                ["dateTo"] = listFilter.TryGetProperty("dates", out var d2) ? d2.GetProperty("endDate").GetString() : null,
            };
            var page = await client.PageAsync("?limit=1" + ActivityApi.Filter(filter));

            using var response = await client.PostAsJsonAsync(EstimatePath, new { filters = exportFilter }, Ct);

            var estimate = await response.JsonAsync(HttpStatusCode.OK);
            Assert.Equal(page.GetProperty("totalDocs").GetInt64(), estimate.GetProperty("count").GetInt64());
            Assert.False(estimate.GetProperty("countIsLowerBound").GetBoolean());
            Assert.Equal(estimate.GetProperty("count").GetInt64() == 0, estimate.GetProperty("estimatedBytes").GetInt64() == 0);
        }
    }

    [Fact]
    public async Task Estimate_ShouldSizeTheRequestedFormat()
    {
        var (_, client) = await AdminClientAsync(fixture.Factory, scopes: [Scopes.ReadAuditLog]);
        var sizes = new Dictionary<string, long>();

        foreach (var format in new[] { "json", "ndjson", "csv" })
        {
            using var response = await EstimateAsync(client, $$"""{"filters":{"usernames":["est-alice","est-bob"]},"format":"{{format}}"}""");
            var estimate = await response.JsonAsync(HttpStatusCode.OK);
            Assert.Equal(40, estimate.GetProperty("count").GetInt64());
            sizes[format] = estimate.GetProperty("estimatedBytes").GetInt64();
        }

        // NDJSON is JSON's records without the array's commas and brackets; CSV has no field names on every record.
        Assert.InRange(sizes["ndjson"], sizes["json"] - 45, sizes["json"] + 45);
        Assert.True(sizes["csv"] < sizes["json"], $"csv {sizes["csv"]}, json {sizes["json"]}");
    }

    [Theory]
    [InlineData("""{}""", "filters")]
    [InlineData("""{"filters":{"usernames":"bob"}}""", "filters.usernames")]
    [InlineData("""{"filters":{"actions":["INVALID_ACTION"]}}""", "filters.actions[0]")]
    [InlineData("""{"filters":{"dateFrom":"2026-02-30"}}""", "filters.dateFrom")]
    [InlineData("""{"filters":{"dateFrom":"2026-02-01","dateTo":"2026-01-31"}}""", "filters.dateFrom")]
    [InlineData("""{"filters":{},"format":"xml"}""", "format")]
    [InlineData("""[]""", "body")]
    [InlineData("""not json""", "body")]
    public async Task Estimate_ShouldValidateTheBodyAsTheExportDoes(string body, string param)
    {
        var (_, client) = await AdminClientAsync(fixture.Factory, scopes: [Scopes.ReadAuditLog]);

        using var response = await EstimateAsync(client, body);

        Assert.Equal(("validation_failed", param), await response.ErrorAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Estimate_ShouldReportEveryProblemOfTheBody()
    {
        var (_, client) = await AdminClientAsync(fixture.Factory, scopes: [Scopes.ReadAuditLog]);

        using var response = await EstimateAsync(client, """{"filters":{"usernames":"bob","dateFrom":"invalid-date"},"format":"xml"}""");

        (string, string?)[] expected = [("validation_failed", "filters.usernames"), ("validation_failed", "filters.dateFrom"), ("validation_failed", "format")];
        Assert.Equal(expected, (await response.ErrorsAsync(HttpStatusCode.BadRequest)).Select(e => (e.Code, e.Param)));
    }

    [Fact]
    public async Task Estimate_ShouldNeedTheReadScopeAndAnAdmin()
    {
        var (_, noScope) = await AdminClientAsync(fixture.Factory, scopes: [Scopes.ReadInAppNotification]);
        var (_, notAdmin) = await AdminClientAsync(fixture.Factory, scopes: [Scopes.ReadAuditLog], admin: false);
        using var anonymous = fixture.Factory.CreateClient();

        using var forbidden = await EstimateAsync(noScope, """{"filters":{}}""");
        using var notAnAdmin = await EstimateAsync(notAdmin, """{"filters":{}}""");
        using var unauthenticated = await EstimateAsync(anonymous, """{"filters":{}}""");

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notAnAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
    }

    [Fact]
    public async Task Estimate_ShouldAnswer405_WhileTheAuditLogIsDisabled()
    {
        await using var factory = AuditAdminFactory.With(("AuditLog:Enabled", "false"));
        var (_, client) = await AdminClientAsync(factory, scopes: [Scopes.ReadAuditLog]);

        using var response = await EstimateAsync(client, """{"filters":{}}""");

        Assert.Equal(("audit_log_disabled", null), await response.ErrorAsync(HttpStatusCode.MethodNotAllowed));
    }
}
