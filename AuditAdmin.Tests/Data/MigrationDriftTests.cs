using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Export;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace AuditAdmin.Tests.Data;

public sealed class MigrationDriftTests
{
    private static SqlServerAuditAdminDbContext SqlServer() =>
        new(new DbContextOptionsBuilder<SqlServerAuditAdminDbContext>()
            .UseSqlServer("Server=127.0.0.1,1;Database=Drift;TrustServerCertificate=true").Options);

    private static SqliteAuditAdminDbContext Sqlite() =>
        new(new DbContextOptionsBuilder<SqliteAuditAdminDbContext>().UseSqlite("Data Source=:memory:").Options);

    [Fact]
    public void SqliteMigrations_ShouldMatchTheModel()
    {
        using var db = Sqlite();
        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration.sh: the SQLite migrations lag the model.");
    }

    [Fact]
    public void SqlServerMigrations_ShouldMatchTheModel()
    {
        using var db = SqlServer();
        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration.sh: the SQL Server migrations lag the model.");
    }

    [Fact]
    public void BothProviders_ShouldHaveTheSameMigrationNames()
    {
        using var sqlite = Sqlite();
        using var sqlServer = SqlServer();
        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[15..]);
        Assert.Equal(Names(sqlite), Names(sqlServer));
    }

    [Fact]
    public void SqlServerScript_ShouldCreateTheUniqueInProgressExportIndex()
    {
        using var db = SqlServer();
        var script = db.GetService<IMigrator>().GenerateScript();

        Assert.Contains($"CREATE UNIQUE INDEX [{AuditLogBulkExportJobConfiguration.DuplicateIndexName}] ON [AuditLogBulkExportJobs] ([UserId], [FilterHash], [Format]) WHERE [Status] IN ('exporting', 'uploading')", script);
        Assert.Contains("CREATE TABLE [Activities]", script);
        Assert.Contains("[Id] bigint NOT NULL IDENTITY", script);
        Assert.Contains("[CreatedAt] datetime2 NOT NULL", script);
        Assert.Contains("CREATE INDEX [IX_Activities_CreatedAt_Id] ON [Activities] ([CreatedAt], [Id])", script);
        Assert.Contains("CREATE UNIQUE INDEX [IX_AccessTokens_TokenHash] ON [AccessTokens] ([TokenHash])", script);
    }

    [Fact]
    public async Task SqliteDatabase_ShouldEnforceOneInProgressExportPerUserAndFilter()
    {
        await using var database = await TestInfrastructure.SqliteTestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();
        AuditLogBulkExportJob Job(string status) => new()
        {
            Id = Guid.CreateVersion7(), UserId = "u1", Filters = "{}", FilterHash = "h", Status = status,
        };
        db.AuditLogBulkExportJobs.AddRange(Job(ExportStatus.Completed), Job(ExportStatus.Failed), Job(ExportStatus.Exporting));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        db.AuditLogBulkExportJobs.Add(Job(ExportStatus.Uploading));
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
        Assert.Contains("UNIQUE", error.InnerException!.Message, StringComparison.Ordinal);
    }
}
