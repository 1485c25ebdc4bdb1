using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Activities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Tests.TestInfrastructure;

/// <summary>
/// A private SQLite database in a temporary file with the real migrations applied.
/// A file (not :memory:) so that concurrent connections behave as in production.
/// </summary>
public sealed class SqliteTestDatabase : ITestDatabase
{
    private readonly string _directory;

    private SqliteTestDatabase(string directory, string connectionString)
    {
        _directory = directory;
        ConnectionString = connectionString;
        // The interceptors the features register in the app.
        Options = Use(new DbContextOptionsBuilder<AuditAdminDbContext>()).AddInterceptors(new RecordedUsernameUpkeep()).Options;
    }

    public DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public string ConnectionString { get; }
    public string Directory => _directory;
    public DbContextOptions<AuditAdminDbContext> Options { get; }

    public static async Task<SqliteTestDatabase> CreateAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "auditadmin-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var cs = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, "test.db"),
            DefaultTimeout = 30,
        }.ToString();
        var database = new SqliteTestDatabase(directory, cs);
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        return database;
    }

    public DbContextOptionsBuilder<AuditAdminDbContext> Use(DbContextOptionsBuilder<AuditAdminDbContext> builder) =>
        builder.UseSqlite(ConnectionString);

    public AuditAdminDbContext CreateDbContext() => new SqliteAuditAdminDbContext(Options);

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a finished test; the temp folder is cleaned by the OS.
        }
        return ValueTask.CompletedTask;
    }
}
