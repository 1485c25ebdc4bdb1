using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AuditAdmin.Core;
using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Export;
using AuditAdmin.Core.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Web.Cli;

/// <summary>
/// "bench-export --rows N [--keep] [--per-file M]": seeds a fresh SQLite database in a temporary folder, runs the real
/// export pipeline (the classes the Quartz job runs) for an unfiltered export, and prints one JSON line with its speed
/// and memory, next to `sqlite3 -json` + `zip -6` over the same rows when those tools exist.
/// </summary>
internal static class BenchExportVerb
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (!TryParse(args, out var rows, out var keep, out var perFile))
        {
            await Console.Error.WriteLineAsync("usage: bench-export --rows N [--keep] [--per-file M]");
            return 2;
        }
        var directory = Path.Combine(Path.GetTempPath(), $"auditadmin-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        try
        {
            var result = await BenchAsync(directory, rows, perFile);
            Console.WriteLine(JsonSerializer.Serialize(result, JsonOptions));
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (keep)
            {
                await Console.Error.WriteLineAsync($"kept: {directory}");
            }
            else
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private static async Task<BenchResult> BenchAsync(string directory, int rows, int? perFile)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = directory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [AppPaths.ConfigKey] = directory });
        if (perFile is { } n)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Export:MaxLogsPerFile"] = n.ToString(CultureInfo.InvariantCulture) });
        }
        builder.Logging.ClearProviders();
        builder.AddAuditAdminCore();
        using var host = builder.Build();
        var app = host.Services;
        await app.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);

        var database = Path.Combine(directory, "auditadmin.db");
        await BenchActivitySeeder.SeedAsync($"Data Source={database}", rows, CancellationToken.None);
        var owner = await CreateOwnerAsync(app);
        await WarmUpAsync(app, owner, rows);
        var request = await app.GetRequiredService<ExportService>().RequestAsync(owner, new ExportFilters(), false, CancellationToken.None);
        var jobId = ((ExportRequestResult.Accepted)request).JobId;

        var idle = IdleWorkingSet();
        using var sampler = new WorkingSetSampler();
        var clock = Stopwatch.StartNew();
        await app.GetRequiredService<ExportRunner>().RunAsync(jobId, CancellationToken.None);
        clock.Stop();
        var peak = Math.Max(sampler.Stop(), Environment.WorkingSet);

        var dbFactory = app.GetRequiredService<IDbContextFactory<AuditAdminDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        var job = await db.AuditLogBulkExportJobs.AsNoTracking().SingleAsync(j => j.Id == jobId);
        if (job.Status != ExportStatus.Completed || job.TotalExportedCount != rows)
        {
            throw new InvalidOperationException($"The export ended {job.Status} with {job.TotalExportedCount} of {rows} records.");
        }
        var zipBytes = await db.Attachments.Where(a => a.Id == job.AttachmentId).Select(a => a.FileSize).SingleAsync();
        var baseline = await ToolBaseline.MeasureAsync(database, directory);

        var wall = clock.Elapsed.TotalSeconds;
        return new BenchResult(rows, Round(wall), Math.Round(rows / wall), zipBytes, Mb(idle), Mb(peak), Mb(peak - idle),
            baseline?.SqliteSeconds is { } s ? Round(s) : null, baseline?.ZipSeconds is { } z ? Round(z) : null,
            baseline is null ? null : Round(baseline.SqliteSeconds + baseline.ZipSeconds), baseline?.ZipBytes,
            baseline is null ? null : Round(wall / (baseline.SqliteSeconds + baseline.ZipSeconds)));
    }

    /// <summary>
    /// Runs the pipeline once over the first rows so the measured run sees jitted, tiered-up code, as a server that has
    /// been up for a while does (otherwise the JIT's background recompilation lands inside the measurement).
    /// </summary>
    private static async Task WarmUpAsync(IServiceProvider app, string owner, int rows)
    {
        var firstRows = BenchActivitySeeder.CreatedAt(Math.Min(rows, 20_000) - 1, rows);
        var request = await app.GetRequiredService<ExportService>()
            .RequestAsync(owner, new ExportFilters { DateTo = firstRows }, false, CancellationToken.None);
        await app.GetRequiredService<ExportRunner>().RunAsync(((ExportRequestResult.Accepted)request).JobId, CancellationToken.None);
        await using (var db = await app.GetRequiredService<IDbContextFactory<AuditAdminDbContext>>().CreateDbContextAsync())
        {
            // The warm-up's own outcome activity is not part of the measured rows.
            await db.Activities.Where(a => a.Id > rows).ExecuteDeleteAsync();
        }

        // Then let the tiered JIT finish recompiling the hot methods: wait until it has compiled nothing new for a second.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(1000);
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now == compiled)
            {
                break;
            }
            compiled = now;
        }
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

    private static bool TryParse(string[] args, out int rows, out bool keep, out int? perFile)
    {
        rows = 0;
        keep = false;
        perFile = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rows" when i + 1 < args.Length && int.TryParse(args[++i], CultureInfo.InvariantCulture, out var n) && n > 0:
                    rows = n;
                    break;
                case "--per-file" when i + 1 < args.Length && int.TryParse(args[++i], CultureInfo.InvariantCulture, out var m) && m > 0:
                    perFile = m;
                    break;
                case "--keep":
                    keep = true;
                    break;
                default:
                    return false;
            }
        }
        return rows > 0;
    }

    private sealed record BenchResult(
        int Rows,
        double WallSeconds,
        double RowsPerSecond,
        long ZipBytes,
        double IdleWorkingSetMB,
        double PeakWorkingSetMB,
        double WorkingSetGrowthMB,
        double? Sqlite3JsonSeconds,
        double? Zip6Seconds,
        double? Sqlite3PlusZipSeconds,
        long? Sqlite3ZipBytes,
        double? RatioToSqlite3PlusZip);
}
