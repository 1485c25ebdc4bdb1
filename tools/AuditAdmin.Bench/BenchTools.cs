using System.Diagnostics;

namespace AuditAdmin.Bench;

/// <summary>
/// The reference the export is measured against: `sqlite3 -json` of the same rows, then `zip -6` of its output; wall
/// time of each, and their CPU time (user + system, as the shell's `times` reports for its children).
/// </summary>
internal sealed record ToolBaseline(double SqliteSeconds, double ZipSeconds, double CpuSeconds, long ZipBytes)
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
        var (sqliteSeconds, sqliteCpu) = await TimeAsync("\"$0\" -json \"$1\" \"$2\" > \"$3\"", sqlite3, database, Query, json);
        var (zipSeconds, zipCpu) = await TimeAsync("\"$0\" -6 -q -j \"$1\" \"$2\"", zip, archive, json);
        return new ToolBaseline(sqliteSeconds, zipSeconds, sqliteCpu + zipCpu, new FileInfo(archive).Length);
    }

    /// <summary>Runs a shell command; returns its wall time and its children's CPU time.</summary>
    private static async Task<(double Wall, double Cpu)> TimeAsync(string script, params string[] args)
    {
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script + " && times");
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        clock.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{args[0]} failed: {errors}");
        }
        // `times` prints the shell's own user/system time, then its children's: "0m1.234s 0m0.056s".
        var children = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Split(' ');
        return (clock.Elapsed.TotalSeconds, children.Sum(ParseTimes));
    }

    private static double ParseTimes(string value)
    {
        var minutes = value.IndexOf('m', StringComparison.Ordinal);
        return double.Parse(value[..minutes], System.Globalization.CultureInfo.InvariantCulture) * 60
            + double.Parse(value[(minutes + 1)..].TrimEnd('s'), System.Globalization.CultureInfo.InvariantCulture);
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
