using AuditAdmin.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AuditAdmin.Tests.Data;

/// <summary>A database created before RecordedUsernames existed gets the names already in its audit log.</summary>
public sealed class RecordedUsernamesMigrationTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "auditadmin-tests", $"migrate-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    [Fact]
    public async Task Upgrade_ShouldRecordEveryDistinctUsernameAlreadyInTheAuditLog()
    {
        var ct = TestContext.Current.CancellationToken;
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        await using var db = new SqliteAuditAdminDbContext(new DbContextOptionsBuilder<SqliteAuditAdminDbContext>().UseSqlite($"Data Source={_path}").Options);
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        var before = migrations[migrations.FindIndex(m => m.EndsWith("_RecordedUsernames", StringComparison.Ordinal)) - 1];
        await migrator.MigrateAsync(before, ct);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "Activities" ("Action", "Username", "CreatedAt") VALUES
              ('USER_LOGOUT', 'alice', '2026-11-01 00:00:00'),
              ('USER_LOGOUT', 'alice', '2026-11-02 00:00:00'),
              ('USER_LOGOUT', 'Bob', '2026-11-02 00:00:00'),
              ('USER_LOGOUT', NULL, '2026-11-03 00:00:00')
            """, ct);

        await migrator.MigrateAsync(cancellationToken: ct);

        Assert.Equal(["Bob", "alice"], await db.RecordedUsernames.Select(r => r.Username).OrderBy(n => n).ToListAsync(ct));
    }
}
