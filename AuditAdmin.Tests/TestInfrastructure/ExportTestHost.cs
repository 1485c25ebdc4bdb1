using AuditAdmin.Core;
using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Export;
using AuditAdmin.Core.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AuditAdmin.Tests.TestInfrastructure;

/// <summary>
/// The real Core composition (AddAuditAdminCore) on a private data directory with a migrated SQLite file (or a private
/// PostgreSQL database), without starting the host: no scheduler fires, so tests drive the export pipeline's classes themselves.
/// </summary>
public sealed class ExportTestHost : IAsyncDisposable
{
    private readonly IHost _host;

    private readonly string? _serverDatabase;

    private ExportTestHost(IHost host, string dataDirectory, LogCapture logs, DatabaseProvider provider, string? serverDatabase)
    {
        _host = host;
        DataDirectory = dataDirectory;
        Logs = logs;
        Provider = provider;
        _serverDatabase = serverDatabase;
    }

    public DatabaseProvider Provider { get; }

    public string DataDirectory { get; }

    /// <summary>Everything the host logged.</summary>
    public LogCapture Logs { get; }
    public IServiceProvider Services => _host.Services;
    public IDbContextFactory<AuditAdminDbContext> DbFactory => Get<IDbContextFactory<AuditAdminDbContext>>();

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    public static Task<ExportTestHost> CreateAsync(params (string Key, string? Value)[] settings) =>
        CreateAsync(DatabaseProvider.Sqlite, settings);

    public static Task<ExportTestHost> CreateAsync(DatabaseProvider provider, params (string Key, string? Value)[] settings) =>
        CreateAsync(provider, configureServices: null, settings);

    /// <summary>A host whose services the test may replace after the app registered its own (a failing storage, say).</summary>
    public static async Task<ExportTestHost> CreateAsync(DatabaseProvider provider, Action<IServiceCollection>? configureServices,
        params (string Key, string? Value)[] settings)
    {
        var serverDatabase = provider == DatabaseProvider.Sqlite ? null : await PostgreSqlTestServer.CreateDatabaseAsync();
        var dataDirectory = Path.Combine(Path.GetTempPath(), "auditadmin-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = "Testing",
            ContentRootPath = dataDirectory,
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [AppPaths.ConfigKey] = dataDirectory,
            ["Export:MaxLogsPerFile"] = "10",
        });
        if (serverDatabase is not null)
        {
            builder.Configuration.AddInMemoryCollection(TestDatabase.Settings(provider, serverDatabase));
        }
        builder.Configuration.AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => s.Value));
        builder.AddAuditAdminCore();
        configureServices?.Invoke(builder.Services);
        var logs = new LogCapture();
        builder.Logging.AddProvider(logs);
        var host = builder.Build();
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return new ExportTestHost(host, dataDirectory, logs, provider, serverDatabase);
    }

    public async Task<AppUser> CreateUserAsync(string userName)
    {
        var user = new AppUser
        {
            UserName = userName,
            NormalizedUserName = userName.ToUpperInvariant(),
            Email = $"{userName}@example.test",
            CreatedAt = DateTime.UtcNow,
        };
        await using var db = await DbFactory.CreateDbContextAsync();
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    public async Task<AuditLogBulkExportJob> JobAsync(Guid jobId)
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        return await db.AuditLogBulkExportJobs.AsNoTracking().SingleAsync(j => j.Id == jobId);
    }

    public async Task<List<T>> QueryAsync<T>(Func<AuditAdminDbContext, IQueryable<T>> query)
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        return await query(db).ToListAsync();
    }

    public async Task ExecuteAsync(Func<AuditAdminDbContext, Task> action)
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        await action(db);
    }

    /// <summary>Notifications of a user, oldest first, as (action, targetId).</summary>
    public async Task<List<(string Action, string TargetId)>> NotificationsAsync(string userId) =>
        (await QueryAsync(db => db.InAppNotifications.Where(n => n.UserId == userId).OrderBy(n => n.CreatedAt)
            .Select(n => new { n.Action, n.TargetId }))).Select(n => (n.Action, n.TargetId)).ToList();

    public Task<List<Activity>> ActivitiesWithActionAsync(string action) =>
        QueryAsync(db => db.Activities.Where(a => a.Action == action).OrderBy(a => a.Id));

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        if (_serverDatabase is not null)
        {
            await PostgreSqlTestServer.DropDatabaseAsync(_serverDatabase);
        }
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
