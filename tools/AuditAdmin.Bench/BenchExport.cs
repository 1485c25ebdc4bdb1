using System.Globalization;
using System.Text.Json;
using AuditAdmin.Core.Features.Export;
using Microsoft.Data.Sqlite;

namespace AuditAdmin.Bench;

/// <summary>
/// "AuditAdmin.Bench --rows N [--format json|ndjson|csv] [--keep] [--per-file M] [--portable-reader]": seeds a fresh SQLite database in a temporary folder, runs the real
/// export pipeline (the classes the Quartz job runs) for an unfiltered export in the format (json by default), and prints one JSON line with its speed
/// and memory, next to `sqlite3 -json` + `zip -6` over the same rows when those tools exist.
/// </summary>
internal static class BenchExport
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static async Task<int> RunAsync(string[] args)
    {
        if (!TryParse(args, out var rows, out var format, out var keep, out var perFile, out var portableReader))
        {
            await Console.Error.WriteLineAsync("usage: AuditAdmin.Bench --rows N [--format json|ndjson|csv] [--keep] [--per-file M] [--portable-reader]");
            return 2;
        }
        var directory = Path.Combine(Path.GetTempPath(), $"auditadmin-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        try
        {
            var result = await ExportBenchmark.RunAsync(directory, rows, format, perFile, portableReader);
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

    private static bool TryParse(string[] args, out int rows, out string format, out bool keep, out int? perFile, out bool portableReader)
    {
        rows = 0;
        format = ExportFormatNames.Json;
        keep = false;
        perFile = null;
        portableReader = false;
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
                case "--format" when i + 1 < args.Length && ExportFormatNames.IsKnown(args[i + 1]):
                    format = args[++i];
                    break;
                case "--keep":
                    keep = true;
                    break;
                case "--portable-reader":
                    portableReader = true;
                    break;
                default:
                    return false;
            }
        }
        return rows > 0;
    }
}
