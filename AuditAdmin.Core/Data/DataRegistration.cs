using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AuditAdmin.Core.Data;

public static class DataRegistration
{
    /// <summary>Registers the provider chosen by Database:Provider, the context factory, and start-up migration.</summary>
    public static IHostApplicationBuilder AddAuditAdminData(this IHostApplicationBuilder builder, AppPaths paths)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = builder.Configuration.GetConnectionString("Default");

        if (options.Provider != DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"Database:Provider is {options.Provider} but ConnectionStrings:Default is empty. Set it to your server's connection string.");
        }

        if (options.Provider == DatabaseProvider.Sqlite)
        {
            connectionString = SqliteConnectionString(connectionString, paths);
        }

        builder.Services.AddSingleton(options);
        // Features contribute interceptors (e.g. the Activities feature's username upkeep) by registering IInterceptor.
        builder.Services.AddDbContextFactory<AuditAdminDbContext, AuditAdminDbContextFactory>(
            (services, db) =>
            {
                db.AddInterceptors(services.GetServices<IInterceptor>());
                // The export's reader is a plain command outside the execution strategy: a retrying strategy would
                // buffer its whole result set.
                _ = options.Provider switch
                {
                    DatabaseProvider.SqlServer => db.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure()),
                    DatabaseProvider.PostgreSql => db.UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure()),
                    _ => db.UseSqlite(connectionString),
                };
            });
        // Hosted services start in the order they are registered: the SQLite node lock, then the migration, then
        // everything that reads the database (Data Protection loads its key ring from it at start).
        if (options.Provider == DatabaseProvider.Sqlite && SqliteFile(connectionString) is { } file)
        {
            builder.Services.AddHostedService(_ => new SqliteNodeLock(file));
        }
        builder.Services.AddSingleton<DatabaseMigrator>();
        builder.Services.AddHostedService<DatabaseMigrationHostedService>();
        // One key ring for every node and restart: sessions survive, and the signing key it protects is never lost.
        builder.Services.AddDataProtection().SetApplicationName("AuditAdmin").PersistKeysToDbContext<AuditAdminDbContext>();
        return builder;
    }

    /// <summary>The database file, or null for an in-memory database.</summary>
    private static string? SqliteFile(string? connectionString)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        return csb.Mode == SqliteOpenMode.Memory || csb.DataSource is "" or ":memory:" ? null : Path.GetFullPath(csb.DataSource);
    }

    private static string SqliteConnectionString(string? configured, AppPaths paths)
    {
        var csb = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured)
            ? $"Data Source={Path.Combine(paths.DataDirectory, "auditadmin.db")}"
            : configured);
        if (!csb.DataSource.Equals(":memory:", StringComparison.Ordinal) && !Path.IsPathRooted(csb.DataSource)
            && csb.Mode != SqliteOpenMode.Memory)
        {
            csb.DataSource = Path.Combine(paths.DataDirectory, csb.DataSource);
        }
        // Writers wait for each other instead of failing with "database is locked".
        csb.DefaultTimeout = Math.Max(csb.DefaultTimeout, 30);
        return csb.ToString();
    }
}
