using System.Text.Json;
using AuditAdmin.Core.Features.Activities;

namespace AuditAdmin.Tests.Features.Activities;

public sealed class ActivityIngestionParserTests
{
    private static readonly DateTime Now = new(2026, 11, 26, 12, 0, 0, DateTimeKind.Utc);

    private static IngestionParseResult Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return ActivityIngestionParser.Parse(document.RootElement, Now);
    }

    private static string Events(params string[] events) => $$"""{"activities":[{{string.Join(",", events)}}]}""";

    [Fact]
    public void Parse_ShouldReadEveryField()
    {
        var result = Parse(Events("""
            {"action":"PAGE_CREATE","username":"alice","userId":"u1","ip":"10.0.0.1","endpoint":"/_api/v3/page",
             "targetModel":"Page","target":"p1","eventModel":"Comment","event":"c1",
             "snapshot":{"username":"alice","pagePath":"/日本語"},"createdAt":"2026-11-25T09:30:00.125+09:00","extra":true}
            """));

        Assert.True(result.IsValid);
        var a = Assert.Single(result.Activities);
        Assert.Equal((SupportedActions.PageCreate, "alice", "u1", "10.0.0.1", "/_api/v3/page", "Page", "p1", "Comment", "c1"),
            (a.Action, a.Username, a.UserId, a.Ip, a.Endpoint, a.TargetModel, a.Target, a.EventModel, a.Event));
        Assert.Equal("""{"username":"alice","pagePath":"/日本語"}""", a.Snapshot);
        Assert.Equal(new DateTime(2026, 11, 25, 0, 30, 0, 125, DateTimeKind.Utc), a.CreatedAt);
        Assert.Equal(DateTimeKind.Utc, a.CreatedAt.Kind);
    }

    [Fact]
    public void Parse_ShouldDefaultTheTimeToNow_AndTheSnapshotToTheUsername()
    {
        var result = Parse(Events("""{"action":"USER_LOGOUT","username":"bob"}""", """{"action":"USER_LOGOUT","createdAt":null,"snapshot":null}"""));

        Assert.True(result.IsValid);
        Assert.All(result.Activities, a => Assert.Equal(Now, a.CreatedAt));
        Assert.Equal("""{"username":"bob"}""", result.Activities[0].Snapshot);
        Assert.Equal("{}", result.Activities[1].Snapshot);
    }

    [Theory]
    [InlineData("2026-11-26T12:00:00", 12)]
    [InlineData("2026-11-26T12:04:59Z", 12)]
    [InlineData("2026-11-26", 0)]
    public void Parse_ShouldTakeATimeWithoutOffsetAsUtc_AndAllowSmallClockSkew(string createdAt, int hour)
    {
        var result = Parse(Events($$"""{"action":"USER_LOGOUT","createdAt":"{{createdAt}}"}"""));

        Assert.True(result.IsValid);
        Assert.Equal(hour, result.Activities[0].CreatedAt.Hour);
        Assert.Equal(DateTimeKind.Utc, result.Activities[0].CreatedAt.Kind);
    }

    [Theory]
    [InlineData("{}", "activities")]
    [InlineData("""{"activities":null}""", "activities")]
    [InlineData("""{"activities":{}}""", "activities")]
    [InlineData("""{"activities":[]}""", "activities")]
    [InlineData("[]", "activities")]
    [InlineData("""{"activities":[1]}""", "activities[0]")]
    [InlineData("""{"activities":[{}]}""", "activities[0].action")]
    [InlineData("""{"activities":[{"action":"USER_LOGOUT"},{"action":"user_logout"}]}""", "activities[1].action")]
    [InlineData("""{"activities":[{"action":42}]}""", "activities[0].action")]
    [InlineData("""{"activities":[{"action":"USER_LOGOUT","username":7}]}""", "activities[0].username")]
    [InlineData("""{"activities":[{"action":"USER_LOGOUT","snapshot":"alice"}]}""", "activities[0].snapshot")]
    [InlineData("""{"activities":[{"action":"USER_LOGOUT","snapshot":[1]}]}""", "activities[0].snapshot")]
    [InlineData("""{"activities":[{"action":"USER_LOGOUT","createdAt":"yesterday"}]}""", "activities[0].createdAt")]
    [InlineData("""{"activities":[{"action":"USER_LOGOUT","createdAt":1732600000}]}""", "activities[0].createdAt")]
    [InlineData("""{"activities":[{"action":"USER_LOGOUT","createdAt":"2026-11-26T12:05:01Z"}]}""", "activities[0].createdAt")]
    public void Parse_ShouldNameTheInvalidField(string json, string param)
    {
        var result = Parse(json);

        Assert.False(result.IsValid);
        Assert.Empty(result.Activities);
        Assert.Equal(param, Assert.Single(result.Errors).Param);
    }

    [Fact]
    public void Parse_ShouldReportEveryBadFieldOfEveryEvent()
    {
        var result = Parse(Events(
            """{"action":"NOPE","username":"alice","createdAt":"yesterday"}""",
            """{"action":"USER_LOGOUT"}""",
            """{"action":"USER_LOGOUT","ip":7}"""));

        ValidationFailure[] expected =
        [
            new("activities[0].action", "action must be a supported action value"),
            new("activities[0].createdAt", "createdAt must be an ISO-8601 date-time"),
            new("activities[2].ip", "ip must be a string"),
        ];
        Assert.Empty(result.Activities);
        Assert.Equal(expected, result.Errors);
    }

    [Fact]
    public void Parse_ShouldReportEveryBadField_EvenWhenTheActionIsMissing()
    {
        var result = Parse(Events("""
            {"username":1,"userId":2,"ip":3,"endpoint":4,"targetModel":5,"target":6,"eventModel":7,"event":8,"snapshot":9,"createdAt":10}
            """));

        string[] expected = ["action", "username", "userId", "ip", "endpoint", "targetModel", "target", "eventModel", "event", "snapshot", "createdAt"];
        Assert.Equal(expected.Select(f => $"activities[0].{f}"), result.Errors.Select(e => e.Param));
    }

    [Theory]
    [InlineData("username", ActivityConfiguration.MaxUsernameLength)]
    [InlineData("userId", ActivityConfiguration.MaxUserIdLength)]
    [InlineData("ip", ActivityConfiguration.MaxIpLength)]
    [InlineData("endpoint", ActivityConfiguration.MaxEndpointLength)]
    [InlineData("targetModel", ActivityConfiguration.MaxModelLength)]
    [InlineData("target", ActivityConfiguration.MaxTargetLength)]
    [InlineData("eventModel", ActivityConfiguration.MaxModelLength)]
    [InlineData("event", ActivityConfiguration.MaxTargetLength)]
    public void Parse_ShouldKeepStringsWithinTheColumnLimits(string field, int max)
    {
        var fits = Parse(Events($$"""{"action":"USER_LOGOUT","{{field}}":"{{new string('x', max)}}"}"""));
        var tooLong = Parse(Events($$"""{"action":"USER_LOGOUT","{{field}}":"{{new string('x', max + 1)}}"}"""));

        Assert.True(fits.IsValid);
        Assert.Equal($"activities[0].{field}", Assert.Single(tooLong.Errors).Param);
    }

    [Fact]
    public void Parse_ShouldKeepTheSnapshotWithinItsLimit()
    {
        var big = new string('x', ActivityConfiguration.MaxSnapshotLength);

        var result = Parse(Events($$$"""{"action":"USER_LOGOUT","snapshot":{"note":"{{{big}}}"}}"""));

        Assert.Equal("activities[0].snapshot", Assert.Single(result.Errors).Param);
    }

    [Fact]
    public void Parse_ShouldAcceptAThousandEvents_AndRefuseMore()
    {
        var one = """{"action":"USER_LOGOUT"}""";

        Assert.True(Parse(Events([.. Enumerable.Repeat(one, 1000)])).IsValid);
        Assert.Equal("activities", Assert.Single(Parse(Events([.. Enumerable.Repeat(one, 1001)])).Errors).Param);
    }

    [Fact]
    public void Parse_ShouldReportEveryInvalidEvent_UpToALimit()
    {
        var result = Parse(Events([.. Enumerable.Repeat("""{"action":"NOPE"}""", 200)]));

        Assert.Equal(50, result.Errors.Count);
        Assert.Equal("activities[49].action", result.Errors[^1].Param);
    }
}
