using AuditAdmin.Web.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AuditAdmin.Tests.Web.Cli;

public sealed class SeedVerbTests
{
    private static readonly DateTime Now = new(2026, 11, 26, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void TryParse_ShouldDefaultToFiftyUsersOverTheLastThirtyDays()
    {
        Assert.True(SeedVerb.TryParse(["--activities", "1000000"], Now, out var request, out _));

        Assert.Equal((1_000_000L, 50, Now.AddDays(-30), Now), (request.Count, request.Users, request.FromUtc, request.ToUtc));
    }

    [Fact]
    public void TryParse_ShouldReadEveryOption()
    {
        Assert.True(SeedVerb.TryParse(["--users", "7", "--from", "2026-01-01", "--to", "2026-01-02T09:00:00+09:00", "--activities", "5"],
            Now, out var request, out _));

        Assert.Equal((5L, 7, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 1, 2, 0, 0, 0, DateTimeKind.Utc)),
            (request.Count, request.Users, request.FromUtc, request.ToUtc));
    }

    [Theory]
    [InlineData(new string[0], "--activities is required")]
    [InlineData(new[] { "--activities" }, "--activities needs a value")]
    [InlineData(new[] { "--activities", "0" }, "invalid value for --activities: '0'")]
    [InlineData(new[] { "--activities", "ten" }, "invalid value for --activities: 'ten'")]
    [InlineData(new[] { "--activities", "5", "--users", "-1" }, "invalid value for --users: '-1'")]
    [InlineData(new[] { "--activities", "5", "--from", "yesterday" }, "invalid value for --from: 'yesterday'")]
    [InlineData(new[] { "--activities", "5", "--from", "2026-02-01", "--to", "2026-01-01" }, "--from must be before --to")]
    [InlineData(new[] { "--activities", "5", "--rows", "3" }, "unknown option '--rows'")]
    public void TryParse_ShouldExplainBadArguments(string[] args, string expected)
    {
        Assert.False(SeedVerb.TryParse(args, Now, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public async Task RunAsync_ShouldExitWith2_OnBadArguments()
    {
        await using var services = new ServiceCollection().AddSingleton(TimeProvider.System).BuildStrictServiceProvider();

        Assert.Equal(2, await SeedVerb.RunAsync(services, ["--activities", "-5"]));
    }

    [Fact]
    public async Task RunAsync_ShouldSeedTheApplicationsDatabase()
    {
        await using var factory = new AuditAdminFactory();

        var exit = await SeedVerb.RunAsync(factory.Services, ["--activities", "250", "--users", "3"]);

        Assert.Equal(0, exit);
        await using var db = await factory.DbFactory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Equal(250, await db.Activities.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(3, await db.Activities.Select(a => a.Username).Distinct().CountAsync(TestContext.Current.CancellationToken));
    }
}
