using AuditAdmin.Core.Features.Activities;
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
        Assert.True(SeedVerb.TryParse(["--activities", "1000000"], Now, out var request, out _, out _));

        Assert.Equal((1_000_000L, 50, Now.AddDays(-30), Now), (request.Count, request.Users, request.FromUtc, request.ToUtc));
    }

    [Fact]
    public void TryParse_ShouldReadEveryOption()
    {
        Assert.True(SeedVerb.TryParse(["--users", "7", "--from", "2026-01-01", "--to", "2026-01-02T09:00:00+09:00", "--activities", "5"],
            Now, out var request, out var force, out _));

        Assert.Equal((5L, 7, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 1, 2, 0, 0, 0, DateTimeKind.Utc)),
            (request.Count, request.Users, request.FromUtc, request.ToUtc));
        Assert.False(force);
    }

    [Fact]
    public void TryParse_ShouldReadForce_AsAFlagWithoutValue()
    {
        Assert.True(SeedVerb.TryParse(["--force", "--activities", "5"], Now, out var request, out var force, out _));

        Assert.Equal((5L, true), (request.Count, force));
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
        Assert.False(SeedVerb.TryParse(args, Now, out _, out _, out var error));
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

    [Fact]
    public async Task Seed_ShouldRefuseADatabaseWithActivitiesItDidNotWrite_NamingForce()
    {
        await using var factory = new AuditAdminFactory();
        await AddForeignActivityAsync(factory);

        var result = await CliRunner.RunAsync(factory.DataDirectory, ["seed", "--activities", "20"]);

        Assert.Equal(CliApplication.Failure, result.ExitCode);
        Assert.Contains("--force", result.StandardError, StringComparison.Ordinal);
        Assert.Equal("", result.StandardOutput.Trim());
        Assert.Equal(1, await CountAsync(factory));
    }

    [Fact]
    public async Task RunAsync_ShouldSeedADatabaseWithForeignActivities_WhenForced()
    {
        await using var factory = new AuditAdminFactory();
        await AddForeignActivityAsync(factory);

        var exit = await SeedVerb.RunAsync(factory.Services, ["--activities", "20", "--force"]);

        Assert.Equal(CliApplication.Success, exit);
        Assert.Equal(21, await CountAsync(factory));
    }

    [Fact]
    public async Task RunAsync_ShouldSeedAnEmptyDatabase_AndOneItSeededBefore()
    {
        await using var factory = new AuditAdminFactory();

        var first = await SeedVerb.RunAsync(factory.Services, ["--activities", "30", "--users", "4"]);
        var second = await SeedVerb.RunAsync(factory.Services, ["--activities", "30", "--users", "60"]);

        Assert.Equal((CliApplication.Success, CliApplication.Success), (first, second));
        Assert.Equal(60, await CountAsync(factory));
    }

    /// <summary>An activity the app recorded for a real user: not one seed wrote.</summary>
    private static async Task AddForeignActivityAsync(AuditAdminFactory factory)
    {
        var user = await factory.CreateUserAsync("real-admin");
        await using var db = await factory.DbFactory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        db.Activities.Add(new Activity
        {
            Action = SupportedActions.UserLoginWithLocal, UserId = user.Id, Username = user.UserName, Endpoint = "/login",
            Snapshot = $$"""{"username":"{{user.UserName}}"}""", CreatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<int> CountAsync(AuditAdminFactory factory)
    {
        await using var db = await factory.DbFactory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.Activities.CountAsync(TestContext.Current.CancellationToken);
    }
}
