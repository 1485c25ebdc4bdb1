using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Activities;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Tests.TestInfrastructure;

/// <summary>A private database on the test run's PostgreSQL server (<see cref="PostgreSqlTestServer"/>), migrated, dropped at the end.</summary>
public sealed class PostgreSqlTestDatabase : ITestDatabase
{
    private PostgreSqlTestDatabase(string connectionString)
    {
        ConnectionString = connectionString;
        Options = Use(new DbContextOptionsBuilder<AuditAdminDbContext>()).AddInterceptors(new RecordedUsernameUpkeep()).Options;
    }

    public DatabaseProvider Provider => DatabaseProvider.PostgreSql;
    public string ConnectionString { get; }
    public DbContextOptions<AuditAdminDbContext> Options { get; }

    public static async Task<PostgreSqlTestDatabase> CreateAsync() => new(await PostgreSqlTestServer.CreateDatabaseAsync());

    public DbContextOptionsBuilder<AuditAdminDbContext> Use(DbContextOptionsBuilder<AuditAdminDbContext> builder) =>
        builder.UseNpgsql(ConnectionString);

    public AuditAdminDbContext CreateDbContext() => new PostgreSqlAuditAdminDbContext(Options);

    public async ValueTask DisposeAsync() => await PostgreSqlTestServer.DropDatabaseAsync(ConnectionString);
}
