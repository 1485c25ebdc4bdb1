using System.Diagnostics;
using System.Globalization;
using AuditAdmin.Core;
using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Export;
using AuditAdmin.Core.Features.Export.Pipeline;
using AuditAdmin.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AuditAdmin.Bench;

/// <summary>One line of bench-export output. Times in seconds, memory in MB.</summary>
internal sealed record BenchResult(
    int Rows,
    string Format,
    double WallSeconds,
    double CpuSeconds,
    double RowsPerSecond,
    long ZipBytes,
    double IdleWorkingSetMB,
    double PeakWorkingSetMB,
    double WorkingSetGrowthMB,
    double? Sqlite3JsonSeconds,
    double? Zip6Seconds,
    double? Sqlite3PlusZipSeconds,
    double? Sqlite3PlusZipCpuSeconds,
    long? Sqlite3ZipBytes,
    double? RatioToSqlite3PlusZip);

/// <summary>
/// Measures the export pipeline as a running server executes it: the app's Core services over a fresh database, warm-up
/// exports first (so per-row and per-file code is already jitted and tiered up, as it is in a server that has been up
/// for a while), then the measured unfiltered export with the configured file size.
/// </summary>
internal static class ExportBenchmark
{
    public static async Task<BenchResult> RunAsync(string directory, int rows, string format, int? perFile, bool portableReader)
    {
        using var host = BuildHost(directory, perFile, portableReader);
        var app = host.Services;
        await app.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        var database = Path.Combine(directory, "auditadmin.db");
        // The seed verb's generator: every catalog action, realistic targets and snapshots, times ascending with ids.
        var to = DateTime.UtcNow;
        await app.GetRequiredService<ActivitySeeder>().SeedAsync(new SeedRequest(rows, 50, to.AddDays(-30), to, RandomSeed: 42), CancellationToken.None);
        var owner = await CreateOwnerAsync(app);
        await WarmUpAsync(app, owner, rows, format);

        var request = await app.GetRequiredService<ExportService>().RequestAsync(owner, new ExportFilters(), format, false, null, CancellationToken.None);
        var jobId = ((ExportRequestResult.Accepted)request).JobId;
        Console.Error.WriteLine($"Seeded {rows:N0} rows and warmed up; measuring the {format} export (process {Environment.ProcessId}).");
        var idle = IdleWorkingSet();
        using var sampler = new WorkingSetSampler();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await app.GetRequiredService<ExportRunner>().RunAsync(jobId, CancellationToken.None);
        clock.Stop();
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var peak = Math.Max(sampler.Stop(), Environment.WorkingSet);

        await using var db = await app.GetRequiredService<IDbContextFactory<AuditAdminDbContext>>().CreateDbContextAsync();
        var job = await db.AuditLogBulkExportJobs.AsNoTracking().SingleAsync(j => j.Id == jobId);
        if (job.Status != ExportStatus.Completed || job.TotalExportedCount != rows)
        {
            throw new InvalidOperationException($"The export ended {job.Status} with {job.TotalExportedCount} of {rows} records.");
        }
        var zipBytes = await db.Attachments.Where(a => a.Id == job.AttachmentId).Select(a => a.FileSize).SingleAsync();
        var tools = await ToolBaseline.MeasureAsync(database, directory);

        var wall = clock.Elapsed.TotalSeconds;
        var toolWall = tools is null ? (double?)null : tools.SqliteSeconds + tools.ZipSeconds;
        return new BenchResult(rows, format, Round(wall), Round(cpu), Math.Round(rows / wall), zipBytes, Mb(idle), Mb(peak), Mb(peak - idle),
            tools is null ? null : Round(tools.SqliteSeconds), tools is null ? null : Round(tools.ZipSeconds),
            toolWall is { } w ? Round(w) : null, tools is null ? null : Round(tools.CpuSeconds), tools?.ZipBytes,
            toolWall is { } t ? Round(wall / t) : null);
    }

    private static IHost BuildHost(string directory, int? perFile, bool portableReader)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = directory });
        var settings = new Dictionary<string, string?> { [AppPaths.ConfigKey] = directory };
        if (perFile is { } n)
        {
            settings["Export:MaxLogsPerFile"] = n.ToString(CultureInfo.InvariantCulture);
        }
        if (portableReader)
        {
            settings["Export:NativeSqliteReader"] = "false";
        }
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.AddAuditAdminCore();
        return builder.Build();
    }

    /// <summary>
    /// Exports the first 20,000 rows as 400 files with the same services (so per-row and per-file code, EF Core's
    /// compiled queries included, is jitted and tiered up), as many times as it takes for a round to compile nothing new.
    /// </summary>
    private static async Task WarmUpAsync(IServiceProvider app, string owner, int rows, string format)
    {
        var configuration = (IConfigurationRoot)app.GetRequiredService<IConfiguration>();
        var measured = configuration["Export:MaxLogsPerFile"] ?? new ExportOptions().MaxLogsPerFile.ToString(CultureInfo.InvariantCulture);
        configuration["Export:MaxLogsPerFile"] = "50";
        configuration.Reload();
        DateTime until;
        await using (var db = await app.GetRequiredService<IDbContextFactory<AuditAdminDbContext>>().CreateDbContextAsync())
        {
            until = await db.Activities.Where(a => a.Id == Math.Min(rows, 20_000)).Select(a => a.CreatedAt).SingleAsync();
        }
        // Tiered compilation promotes a method only while it is being called, so waiting alone proves nothing: export
        // again until a whole round (and the background compiler after it) compiles no new method.
        for (var round = 0; round < 20; round++)
        {
            var before = System.Runtime.JitInfo.GetCompiledMethodCount();
            var request = await app.GetRequiredService<ExportService>()
                .RequestAsync(owner, new ExportFilters { DateTo = until }, format, false, null, CancellationToken.None);
            await app.GetRequiredService<ExportRunner>().RunAsync(((ExportRequestResult.Accepted)request).JobId, CancellationToken.None);
            await Task.Delay(500);
            if (System.Runtime.JitInfo.GetCompiledMethodCount() == before)
            {
                break;
            }
        }
        await using (var db = await app.GetRequiredService<IDbContextFactory<AuditAdminDbContext>>().CreateDbContextAsync())
        {
            // The warm-up's own outcome activities are not among the measured rows.
            await db.Activities.Where(a => a.Id > rows).ExecuteDeleteAsync();
        }
        configuration["Export:MaxLogsPerFile"] = measured;
        configuration.Reload();
    }

    private static async Task<string> CreateOwnerAsync(IServiceProvider app)
    {
        await using var db = await app.GetRequiredService<IDbContextFactory<AuditAdminDbContext>>().CreateDbContextAsync();
        var user = new AppUser { UserName = "bench", NormalizedUserName = "BENCH", CreatedAt = DateTime.UtcNow };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    private static long IdleWorkingSet()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return Environment.WorkingSet;
    }

    private static double Mb(long bytes) => Math.Round(bytes / (1024.0 * 1024.0), 1);

    private static double Round(double seconds) => Math.Round(seconds, 3);
}
