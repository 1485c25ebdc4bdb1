using System.Diagnostics;

namespace AuditAdmin.Web.Cli;

/// <summary>The reference the export is measured against: `sqlite3 -json` of the same rows, then `zip -6` of its output.</summary>
internal sealed record ToolBaseline(double SqliteSeconds, double ZipSeconds, long ZipBytes)
{
    private const string Query = "SELECT Id AS _id, UserId AS user, Username AS username, Ip AS ip, Endpoint AS endpoint, "
        + "TargetModel AS targetModel, Target AS target, EventModel AS eventModel, Event AS event, Action AS action, "
        + "Snapshot AS snapshot, CreatedAt AS createdAt FROM Activities ORDER BY Id";

    /// <summary>Null when sqlite3 or zip is not installed.</summary>
    public static async Task<ToolBaseline?> MeasureAsync(string database, string directory)
    {
        if (Which("sqlite3") is not { } sqlite3 || Which("zip") is not { } zip)
        {
            return null;
        }
        var json = Path.Combine(directory, "sqlite3.json");
        var archive = Path.Combine(directory, "sqlite3.zip");
        var sqliteSeconds = await TimeAsync("/bin/sh", "-c", "exec \"$0\" -json \"$1\" \"$2\" > \"$3\"", sqlite3, database, Query, json);
        var zipSeconds = await TimeAsync(zip, "-6", "-q", "-j", archive, json);
        return new ToolBaseline(sqliteSeconds, zipSeconds, new FileInfo(archive).Length);
    }

    private static async Task<double> TimeAsync(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        clock.Stop();
        return process.ExitCode == 0 ? clock.Elapsed.TotalSeconds : throw new InvalidOperationException($"{file} failed: {errors}");
    }

    private static string? Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
}

/// <summary>Samples the process working set every few milliseconds to find its peak during a run.</summary>
internal sealed class WorkingSetSampler : IDisposable
{
    private readonly ManualResetEventSlim _stop = new();
    private readonly Thread _thread;
    private long _peak;

    public WorkingSetSampler()
    {
        _peak = Environment.WorkingSet;
        _thread = new Thread(() =>
        {
            while (!_stop.Wait(10))
            {
                var current = Environment.WorkingSet;
                if (current > Interlocked.Read(ref _peak))
                {
                    Interlocked.Exchange(ref _peak, current);
                }
            }
        }) { IsBackground = true, Name = "working-set sampler" };
        _thread.Start();
    }

    public long Stop()
    {
        _stop.Set();
        _thread.Join();
        return Interlocked.Read(ref _peak);
    }

    public void Dispose()
    {
        Stop();
        _stop.Dispose();
    }
}
