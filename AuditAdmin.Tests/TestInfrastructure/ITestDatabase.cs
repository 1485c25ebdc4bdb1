using AuditAdmin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Tests.TestInfrastructure;

/// <summary>A private, migrated database of one provider, for tests that run on several (see <see cref="TestDatabase"/>).</summary>
public interface ITestDatabase : IDbContextFactory<AuditAdminDbContext>, IAsyncDisposable
{
    DatabaseProvider Provider { get; }

    string ConnectionString { get; }

    /// <summary>The interceptors the features register in the app.</summary>
    DbContextOptions<AuditAdminDbContext> Options { get; }

    /// <summary>Puts this database's provider and connection on <paramref name="builder"/>.</summary>
    DbContextOptionsBuilder<AuditAdminDbContext> Use(DbContextOptionsBuilder<AuditAdminDbContext> builder);
}

public static class TestDatabase
{
    /// <summary>The trait that marks tests needing the PostgreSQL server: --filter-not-trait 'Database=PostgreSql' leaves them out.</summary>
    public const string Trait = "Database";

    public static async Task<ITestDatabase> CreateAsync(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => await SqliteTestDatabase.CreateAsync(),
        DatabaseProvider.PostgreSql => await PostgreSqlTestDatabase.CreateAsync(),
        _ => throw new NotSupportedException($"No {provider} server runs in the tests."),
    };

    /// <summary>The configuration that points the app at a database of a server provider.</summary>
    public static Dictionary<string, string?> Settings(DatabaseProvider provider, string connectionString) => new()
    {
        ["Database:Provider"] = provider.ToString(),
        ["ConnectionStrings:Default"] = connectionString,
    };

    /// <summary>
    /// The instant as the provider keeps it: PostgreSQL's timestamps hold microseconds, so the last digit of .NET's
    /// 100 ns ticks is dropped there (SQLite and SQL Server keep it).
    /// </summary>
    public static DateTime Stored(this DatabaseProvider provider, DateTime value) =>
        provider == DatabaseProvider.PostgreSql ? value.AddTicks(-(value.Ticks % 10)) : value;
}

public static class TestDatabaseTriggers
{
    /// <summary>Makes the database itself refuse (with <paramref name="message"/>) any row inserted into a table whose column holds the value.</summary>
    public static async Task RefuseInsertsAsync(this ITestDatabase database, string table, string column, string value, string message)
    {
        await using var db = database.CreateDbContext();
        var name = $"refuse_{table}_{column}".ToLowerInvariant();
        var sql = database.Provider == DatabaseProvider.PostgreSql
            ? $$"""
                CREATE FUNCTION {{name}}() RETURNS trigger LANGUAGE plpgsql AS $f$
                BEGIN IF NEW."{{column}}" = '{{value}}' THEN RAISE EXCEPTION '{{message}}'; END IF; RETURN NEW; END $f$;
                CREATE TRIGGER {{name}} BEFORE INSERT ON "{{table}}" FOR EACH ROW EXECUTE FUNCTION {{name}}();
                """
            : $"""
                CREATE TRIGGER {name} BEFORE INSERT ON "{table}" WHEN NEW."{column}" = '{value}'
                BEGIN SELECT RAISE(ABORT, '{message}'); END;
                """;
#pragma warning disable EF1002 // The test's own constants, not input.
        await db.Database.ExecuteSqlRawAsync(sql, TestContext.Current.CancellationToken);
#pragma warning restore EF1002
    }
}
