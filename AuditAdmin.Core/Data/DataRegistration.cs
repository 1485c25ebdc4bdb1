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

        if (options.Provider == DatabaseProvider.SqlServer && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "Database:Provider is SqlServer but ConnectionStrings:Default is empty. Set it to your SQL Server connection string.");
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
                if (options.Provider == DatabaseProvider.SqlServer)
                {
                    db.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure());
                }
                else
                {
                    db.UseSqlite(connectionString);
                }
            });
        builder.Services.AddSingleton<DatabaseMigrator>();
        builder.Services.AddHostedService<DatabaseMigrationHostedService>();
        // One key ring for every node and restart: sessions survive, and the signing key it protects is never lost.
        // Registered after the migration, so that Data Protection's own hosted service finds its table at start-up.
        builder.Services.AddDataProtection().SetApplicationName("AuditAdmin").PersistKeysToDbContext<AuditAdminDbContext>();
        return builder;
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
