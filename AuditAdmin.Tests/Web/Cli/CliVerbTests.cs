using System.Net;
using AuditAdmin.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AuditAdmin.Tests.Web.Cli;

/// <summary>One data directory per class, shared by the real CLI processes and the application.</summary>
public sealed class CliDataDirectory : IAsyncLifetime
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "auditadmin-tests", "cli-" + Guid.NewGuid().ToString("N"));

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Path);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        return ValueTask.CompletedTask;
    }
}

public sealed class CliVerbTests(CliDataDirectory data) : IClassFixture<CliDataDirectory>
{
    private const string Password = AuditAdminFactory.Password;

    private Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync(data.Path, args);

    private async Task CreateUserAsync(string userName, params string[] extra)
    {
        var result = await RunAsync(["users", "create", "--username", userName, "--email", $"{userName}@example.test", "--password", Password, .. extra]);
        Assert.True(result.ExitCode == 0, result.StandardError);
    }

    [Fact]
    public async Task Migrate_ShouldExit0_AndLeaveAnUpToDateDatabase()
    {
        var first = await RunAsync("migrate");
        var second = await RunAsync("migrate");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal("The database is up to date.", second.StandardOutput.Trim());
        Assert.True(File.Exists(Path.Combine(data.Path, "auditadmin.db")));
    }

    [Fact]
    public async Task UsersCreate_ShouldCreateTheUser_ThenExit1ForTheSameName()
    {
        var created = await RunAsync("users", "create", "--username", "cli-ana", "--email", "ana@example.test", "--password", Password,
            "--admin", "--language", "fr", "--time-zone", "Europe/Paris");
        var duplicate = await RunAsync("users", "create", "--username", "cli-ana", "--email", "ana2@example.test", "--password", Password);

        Assert.Equal(0, created.ExitCode);
        Assert.Contains("cli-ana", created.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(1, duplicate.ExitCode);
        Assert.Contains("cli-ana", duplicate.StandardError, StringComparison.Ordinal);

        await using var app = AuditAdminFactory.With(("DataDirectory", data.Path));
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var ana = await users.FindByNameAsync("cli-ana");
        Assert.NotNull(ana);
        Assert.Equal(("fr", "Europe/Paris"), (ana.Language, ana.TimeZone));
        Assert.True(await users.IsInRoleAsync(ana, Roles.Admin));
        Assert.True(await users.CheckPasswordAsync(ana, Password));
    }

    [Fact]
    public async Task UsersCreate_ShouldReadThePasswordFromStandardInput()
    {
        var result = await CliRunner.RunAsync(data.Path,
            ["users", "create", "--username", "cli-stdin", "--email", "stdin@example.test", "--password-stdin"], Password);

        Assert.True(result.ExitCode == 0, result.StandardError);
    }

    [Theory]
    [InlineData("--username", "x", "--email", "x@example.test", "--password", Password, "--bogus")]
    [InlineData("--username", "x", "--email", "x@example.test", "--password", Password, "--language", "de")]
    [InlineData("--username", "x", "--email", "x@example.test", "--password", Password, "--time-zone", "Moon/Base")]
    [InlineData("--username", "x", "--email", "x@example.test")]
    public async Task UsersCreate_ShouldExit2WithUsage_WhenArgumentsAreBad(params string[] options)
    {
        var result = await RunAsync(["users", "create", .. options]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("usage: users create", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(result.StandardOutput);
    }

    [Fact]
    public async Task TokensCreate_ShouldPrintExactlyTheToken_WhichTheApiAccepts()
    {
        await CreateUserAsync("cli-tom", "--admin");

        var result = await RunAsync("tokens", "create", "--username", "cli-tom", "--scopes", "read:admin:audit_log,read:features:in_app_notification",
            "--expires-in-days", "7", "--description", "ci pipeline");

        Assert.True(result.ExitCode == 0, result.StandardError);
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var token = Assert.Single(lines).Trim();
        Assert.Matches("^aa_[0-9a-f]{64}$", token);

        await using var app = AuditAdminFactory.With(("DataDirectory", data.Path));
        await using (var db = await app.DbFactory.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            var row = await db.AccessTokens.SingleAsync(t => t.TokenHash == AccessTokenService.Hash(token), TestContext.Current.CancellationToken);
            Assert.Equal("ci pipeline", row.Description);
            Assert.InRange(row.ExpiresAt, DateTime.UtcNow.AddDays(7).AddMinutes(-10), DateTime.UtcNow.AddDays(7));
        }
        using var client = app.CreateTokenClient(token);
        using var response = await client.GetAsync("/_api/v3/audit-log-bulk-export", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("--scopes", "read:admin:everything")]
    [InlineData("--scopes", "read:features:attachment", "--expires-in-days", "ten")]
    [InlineData("--scopes", "read:features:attachment", "--expires-in-days", "0")]
    [InlineData("--expires-in-days", "5")]
    public async Task TokensCreate_ShouldExit2WithUsage_WhenArgumentsAreBad(params string[] options)
    {
        var result = await RunAsync(["tokens", "create", "--username", "whoever", .. options]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("usage: tokens create", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(result.StandardOutput);
    }

    [Fact]
    public async Task TokensCreate_ShouldExit1_WhenTheUserDoesNotExist()
    {
        var result = await RunAsync("tokens", "create", "--username", "nobody-here", "--scopes", "read:features:attachment");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nobody-here", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(result.StandardOutput);
    }
}
