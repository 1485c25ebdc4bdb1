using AuditAdmin.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AuditAdmin.Tests.TestInfrastructure;

/// <summary>
/// The PostgreSQL server that scripts/test.sh starts for the run (its connection string in <see cref="Variable"/>).
/// Each test gets a database of its own with a random name, dropped afterwards. Migrated databases are copies of one
/// template migrated once per test run, which is much cheaper than migrating each.
/// </summary>
public static class PostgreSqlTestServer
{
    public const string Variable = "AUDITADMIN_TEST_POSTGRES";

    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _template;

    /// <summary>The server's connection string (as a superuser, on a maintenance database); fails with how to get one.</summary>
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"The PostgreSQL tests need a server, and {Variable} is not set. Run scripts/test.sh, which starts a throw-away "
                + $"PostgreSQL for the run; or start one with `scripts/throwaway-postgres.sh start /tmp/aa-pg` and set {Variable} "
                + "to the connection string it prints; or leave these tests out with --filter-not-trait 'Database=PostgreSql'.");

    /// <summary>Creates an empty database, or (<paramref name="migrated"/>) one with every migration applied; returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(bool migrated = true)
    {
        var name = "aa_" + Guid.NewGuid().ToString("N");
        var template = migrated ? await TemplateAsync() : null;
        await ExecuteAsync($"CREATE DATABASE \"{name}\"" + (template is null ? "" : $" TEMPLATE \"{template}\""));
        return ConnectionString(name, pooling: true);
    }

    /// <inheritdoc cref="CreateDatabaseAsync"/>
    public static string CreateDatabase(bool migrated = true) => CreateDatabaseAsync(migrated).GetAwaiter().GetResult();

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing whatever is still connected to it.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static string ConnectionString(string database, bool pooling) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database, Pooling = pooling }.ToString();

    private static async Task<string> TemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_template is null)
            {
                var name = "aa_template_" + Guid.NewGuid().ToString("N");
                await ExecuteAsync($"CREATE DATABASE \"{name}\"");
                // No pooling: a copy can be made only while nobody is connected to the template.
                var options = new DbContextOptionsBuilder<AuditAdminDbContext>().UseNpgsql(ConnectionString(name, pooling: false)).Options;
                await using (var db = new PostgreSqlAuditAdminDbContext(options))
                {
                    await db.Database.MigrateAsync();
                }
                AppDomain.CurrentDomain.ProcessExit += (_, _) => DropTemplate(name);
                _template = name;
            }
            return _template;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static void DropTemplate(string name)
    {
        try
        {
            ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\"").GetAwaiter().GetResult();
        }
        catch (NpgsqlException)
        {
            // The server went first (scripts/test.sh stops it after the run): nothing is left to drop.
        }
    }

    private static async Task ExecuteAsync(string sql)
    {
        var admin = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Pooling = false }.ToString();
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
