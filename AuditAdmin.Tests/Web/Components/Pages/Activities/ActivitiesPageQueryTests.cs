using AuditAdmin.Web.Components.Pages.Activities;

namespace AuditAdmin.Tests.Web.Components.Pages.Activities;

public sealed class ActivitiesPageQueryTests
{
    [Fact]
    public void Parse_ShouldReadEveryFilterValue()
    {
        var query = ActivitiesPageQuery.Parse("alice,bob", "PAGE_CREATE,PAGE_DELETE", "2026-01-01", "2026-01-31", 3, 25);

        Assert.Equal(["alice", "bob"], query.Filter.Usernames!);
        Assert.Equal(["PAGE_CREATE", "PAGE_DELETE"], query.Filter.Actions!);
        Assert.Equal(new DateOnly(2026, 1, 1), query.Filter.StartDate);
        Assert.Equal(new DateOnly(2026, 1, 31), query.Filter.EndDate);
        Assert.Equal(3, query.Page);
        Assert.Equal(25, query.PageSize);
    }

    [Fact]
    public void Parse_ShouldFallBackToDefaults_WhenValuesAreMissingOrMalformed()
    {
        var query = ActivitiesPageQuery.Parse(null, null, "01/02/2026", "tomorrow", -4, 7);

        Assert.Null(query.Filter.Usernames);
        Assert.Null(query.Filter.Actions);
        Assert.Null(query.Filter.StartDate);
        Assert.Null(query.Filter.EndDate);
        Assert.Equal(1, query.Page);
        Assert.Equal(10, query.PageSize);
    }

    [Fact]
    public void Parse_ShouldReadAnEmptyActionListAsMatchingNothing()
    {
        var query = ActivitiesPageQuery.Parse(null, "", null, null, null, null);

        Assert.NotNull(query.Filter.Actions);
        Assert.Empty(query.Filter.Actions!);
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("Doe, John")]
    [InlineData(@"back\slash")]
    [InlineData(@"trailing\")]
    public void UsernameList_ShouldRoundTrip_WhateverTheNameContains(string name)
    {
        var joined = ActivitiesPageQuery.JoinList(["alice", name]);

        Assert.Equal(["alice", name], ActivitiesPageQuery.SplitList(joined));
    }

    [Fact]
    public void ToParameters_ShouldLeaveDefaultsOut()
    {
        var parameters = ActivitiesPageQuery.Parse(null, null, null, null, null, null).ToParameters();

        Assert.All(parameters.Values, Assert.Null);
    }

    [Fact]
    public void ToParameters_ShouldWriteWhatParseReads()
    {
        var original = ActivitiesPageQuery.Parse("alice,bob", "", "2026-01-01", "2026-01-31", 2, 50);

        var p = original.ToParameters();
        var again = ActivitiesPageQuery.Parse((string?)p["users"], (string?)p["actions"], (string?)p["from"], (string?)p["to"], (int?)p["page"], (int?)p["size"]);

        Assert.Equal("alice,bob", p["users"]);
        Assert.Equal("", p["actions"]);
        Assert.Equal("2026-01-01", p["from"]);
        Assert.Equal(original.Filter.Usernames, again.Filter.Usernames);
        Assert.Equal(original.Filter.Actions, again.Filter.Actions);
        Assert.Equal(original.Filter.EndDate, again.Filter.EndDate);
        Assert.Equal((2, 50), (again.Page, again.PageSize));
    }
}
