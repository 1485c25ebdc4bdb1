using System.Net;
using System.Text.Json;
using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Activities;

namespace AuditAdmin.Tests.Web.Endpoints;

/// <summary>One database for the filter tests; each test reads only rows of its own usernames.</summary>
public class FilterFixture : IAsyncLifetime
{
    public FilterFixture() : this(DatabaseProvider.Sqlite)
    {
    }

    protected FilterFixture(DatabaseProvider provider) => Factory = AuditAdminFactory.On(provider);

    /// <summary>A past day, far enough back for every row of the tests to be in the past.</summary>
    public static readonly DateOnly Day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10);

    public AuditAdminFactory Factory { get; }
    public HttpClient Utc { get; private set; } = default!;
    public HttpClient Tokyo { get; private set; } = default!;

    public static DateTime At(DateOnly day, int hour, int minute = 0) => day.ToDateTime(new TimeOnly(hour, minute), DateTimeKind.Utc);

    public async ValueTask InitializeAsync()
    {
        Utc = await Factory.AdminClientAsync("utc-admin", timeZone: null);
        Tokyo = await Factory.AdminClientAsync("tokyo-admin", timeZone: "Asia/Tokyo");
        var day = Day;
        await Factory.AddAsync(
            ActivityApi.Row("alice", At(day, 9)), ActivityApi.Row("Alice", At(day, 9)), ActivityApi.Row("alice2", At(day, 9)),
            ActivityApi.Row("bob", At(day, 8)),
            ActivityApi.Row("act", At(day, 1), SupportedActions.UserLoginWithLocal),
            ActivityApi.Row("act", At(day, 2), SupportedActions.UserLogout),
            ActivityApi.Row("act", At(day, 3), SupportedActions.PageView),
            ActivityApi.Row("act", At(day, 4), SupportedActions.UserRegistrationApprovalRequest),
            ActivityApi.Row("dates", At(day.AddDays(-1), 12)),
            ActivityApi.Row("dates", At(day, 0)),
            ActivityApi.Row("dates", At(day.AddDays(1), 0).AddTicks(-1)),
            ActivityApi.Row("dates", At(day.AddDays(1), 0)),
            ActivityApi.Row("dates", At(day.AddDays(2), 10)),
            // Around Tokyo's (UTC+9) midnights: 23:59 and 00:00 local before the start day, 23:30 and 00:00 local after the end day.
            ActivityApi.Row("tz-before-start", At(day.AddDays(-1), 14, 59)),
            ActivityApi.Row("tz-start", At(day.AddDays(-1), 15)),
            ActivityApi.Row("tz-end-2330", At(day, 14, 30)),
            ActivityApi.Row("tz-next-0000", At(day, 15)),
            ActivityApi.Row("source-app", At(day, 5)),
            Ingested(ActivityApi.Row("source-ingested", At(day, 6))));
    }

    private static Activity Ingested(Activity row)
    {
        row.Source = ActivitySources.Ingested;
        row.IngestedBy = "sender";
        row.IngestedAt = row.CreatedAt;
        return row;
    }

    public async ValueTask DisposeAsync()
    {
        Utc.Dispose();
        Tokyo.Dispose();
        await Factory.DisposeAsync();
    }
}

public sealed class PostgreSqlFilterFixture() : FilterFixture(DatabaseProvider.PostgreSql);

public sealed class ActivityListFilterTests(FilterFixture fixture) : ActivityListFilterTests<FilterFixture>(fixture);

[Trait(TestDatabase.Trait, nameof(DatabaseProvider.PostgreSql))]
public sealed class PostgreSqlActivityListFilterTests(PostgreSqlFilterFixture fixture) : ActivityListFilterTests<PostgreSqlFilterFixture>(fixture);

/// <summary>The list API's filters, on each provider's fixture.</summary>
public abstract class ActivityListFilterTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : FilterFixture
{
    private static readonly string[] TzUsers = ["tz-before-start", "tz-start", "tz-end-2330", "tz-next-0000"];
    private static string Day(int offset) => FilterFixture.Day.AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Usernames_ShouldMatchRecordedNamesExactly()
    {
        var page = await fixture.Utc.PageAsync("?limit=100" + ActivityApi.Filter(new { usernames = new[] { "alice", "bob", "ghost" } }));

        Assert.Equal(["alice", "bob"], page.Usernames());
    }

    [Theory]
    [InlineData("app", "source-app")]
    [InlineData("ingested", "source-ingested")]
    [InlineData(null, "source-app,source-ingested")]
    public async Task Source_ShouldTellTheAppsOwnRecordsFromIngestedOnes(string? source, string expected)
    {
        var page = await fixture.Utc.PageAsync("?limit=100" + ActivityApi.Filter(new
        {
            usernames = new[] { "source-app", "source-ingested" },
            source,
        }));

        Assert.Equal(expected.Split(','), page.Usernames().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Actions_ShouldMatchOnlySearchableActions()
    {
        var page = await fixture.Utc.PageAsync("?limit=100" + ActivityApi.Filter(new
        {
            usernames = new[] { "act" },
            actions = new[] { SupportedActions.UserLogout, SupportedActions.PageView, SupportedActions.UserRegistrationApprovalRequest },
        }));

        // PAGE_VIEW is in no group and the approval request is an essential outside SMALL: neither is searchable.
        Assert.Equal([SupportedActions.UserLogout], Actions(page));
    }

    [Fact]
    public async Task NoActions_ShouldMatchEveryAction_AndAnEmptyListNone()
    {
        var all = await fixture.Utc.PageAsync("?limit=100" + ActivityApi.Filter(new { usernames = new[] { "act" } }));
        var none = await fixture.Utc.PageAsync("?limit=100" + ActivityApi.Filter(new { usernames = new[] { "act" }, actions = Array.Empty<string>() }));

        Assert.Equal(4, all.GetProperty("totalDocs").GetInt32());
        Assert.Equal(0, none.GetProperty("totalDocs").GetInt32());
    }

    [Theory]
    [InlineData(-1, 1, 4)]
    [InlineData(-1, 2, 5)]
    [InlineData(0, 0, 2)]
    [InlineData(0, null, 2)]
    [InlineData(null, 0, 3)]
    [InlineData(1, null, 1)]
    [InlineData(null, null, 5)]
    public async Task Dates_ShouldSelectWholeDays(int? start, int? end, int expected)
    {
        var page = await fixture.Utc.PageAsync("?limit=100" + ActivityApi.Filter(new
        {
            usernames = new[] { "dates" },
            dates = new { startDate = start is { } s ? Day(s) : null, endDate = end is { } e ? Day(e) : null },
        }));

        Assert.Equal(expected, page.GetProperty("totalDocs").GetInt32());
    }

    [Fact]
    public async Task Dates_ShouldBeDaysOfTheCallersTimeZone()
    {
        var filter = "?limit=100" + ActivityApi.Filter(new { usernames = TzUsers, dates = new { startDate = Day(0), endDate = Day(0) } });

        var tokyo = await fixture.Tokyo.PageAsync(filter);
        var utc = await fixture.Utc.PageAsync(filter);

        // Tokyo: 00:00 local on the start day is in, 23:59 the evening before is out; 23:30 local on the end day is in,
        // 00:00 local the next day is out.
        Assert.Equal(["tz-end-2330", "tz-start"], tokyo.Usernames());
        Assert.Equal(["tz-next-0000", "tz-end-2330"], utc.Usernames());
    }

    [Fact]
    public async Task CombinedFilter_ShouldApplyEveryPart()
    {
        using var response = await fixture.Utc.PostJsonAsync("/_api/v3/activity/list", JsonSerializer.Serialize(new
        {
            limit = 10,
            searchFilter = new
            {
                usernames = new[] { "act", "alice" },
                actions = new[] { SupportedActions.UserLoginWithLocal },
                dates = new { startDate = Day(0), endDate = Day(0) },
            },
        }));
        var page = (await response.JsonAsync(HttpStatusCode.OK)).GetProperty("serializedPaginationResult");

        Assert.Equal(["alice", "act"], page.Usernames());
    }

    private static string[] Actions(JsonElement page) =>
        [.. page.GetProperty("docs").EnumerateArray().Select(d => d.GetProperty("action").GetString()!)];
}
