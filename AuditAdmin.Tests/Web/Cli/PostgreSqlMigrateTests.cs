using System.Net.Http.Headers;
using System.Text.Json;
using AuditAdmin.Core.Data;

namespace AuditAdmin.Tests.Web.Cli;

/// <summary>
/// PostgreSQL's migration set starts at the current model, so "upgrading" there means: the real executable migrates an
/// empty database, seeds it, and then starts and serves the audit log on it.
/// </summary>
[Trait(TestDatabase.Trait, nameof(DatabaseProvider.PostgreSql))]
[Collection(BrowserTestGroup.Name)] // a second app process on two cores: run alone, like the browser tests
public sealed class PostgreSqlMigrateTests : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "auditadmin-tests", Guid.NewGuid().ToString("N"));
    private string _database = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        _database = await PostgreSqlTestServer.CreateDatabaseAsync(migrated: false);
    }

    public async ValueTask DisposeAsync()
    {
        await PostgreSqlTestServer.DropDatabaseAsync(_database);
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private Task<CliResult> RunAsync(params string[] args) =>
        CliRunner.RunAsync(_dataDirectory, args, environment: new Dictionary<string, string?>
        {
            ["Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__Default"] = _database,
        });

    [Fact]
    public async Task Migrate_ShouldCreateTheSchemaOnAnEmptyDatabase_ThenSeedAndTheAppShouldWorkOnIt()
    {
        var migrated = await RunAsync("migrate");
        var again = await RunAsync("migrate");
        var seeded = await RunAsync("seed", "--activities", "3000", "--users", "4");
        var user = await RunAsync("users", "create", "--username", "pg-admin", "--email", "pg@example.test", "--password",
            AuditAdminFactory.Password, "--admin");
        var token = await RunAsync("tokens", "create", "--username", "pg-admin", "--scopes", "read:admin:audit_log");

        Assert.True(migrated.ExitCode == 0, migrated.StandardError);
        Assert.Matches(@"^Applied 1 migration\(s\): \d{14}_InitialPostgreSql$", migrated.StandardOutput.Trim());
        // No failed command logged on the way (Npgsql reads the history table of a new database before creating it).
        Assert.DoesNotContain("fail:", migrated.StandardError, StringComparison.Ordinal);
        Assert.Equal("The database is up to date.", again.StandardOutput.Trim());
        Assert.True(seeded.ExitCode == 0, seeded.StandardError);
        Assert.StartsWith("Seeded 3000 activities", seeded.StandardOutput, StringComparison.Ordinal);
        Assert.True(user.ExitCode == 0, user.StandardError);
        Assert.True(token.ExitCode == 0, token.StandardError);

        await using var app = await AppProcess.StartAsync(_dataDirectory, "--Database:Provider=PostgreSql", $"--ConnectionStrings:Default={_database}");
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.StandardOutput.Trim());
        using var page = JsonDocument.Parse(await client.GetStringAsync("/_api/v3/activity?limit=5", Ct));
        var result = page.RootElement.GetProperty("serializedPaginationResult");
        // The seeded rows, and those the token's creation recorded.
        Assert.InRange(result.GetProperty("totalDocs").GetInt32(), 3000, 3010);
        Assert.Equal(5, result.GetProperty("docs").GetArrayLength());
    }
}
