using System.ComponentModel.DataAnnotations;

namespace AuditAdmin.Core.Features.Export;

/// <summary>Bound from "Export" (GROWI's BULK_EXPORT_* environment names are mapped onto these keys).</summary>
public sealed class ExportOptions
{
    public const string Section = "Export";

    /// <summary>An export still in progress this long after its request is stopped and removed (GROWI: 24 h).</summary>
    [Range(60, int.MaxValue)]
    public int JobExpirationSeconds { get; set; } = 86_400;

    /// <summary>How long a finished zip can be downloaded after completion (GROWI: 72 h).</summary>
    [Range(60, int.MaxValue)]
    public int DownloadExpirationSeconds { get; set; } = 259_200;

    /// <summary>
    /// Records per data file. 5,000 records (about 2 MB) keep the per-file costs (a zip entry, an fsync, a cursor
    /// update) negligible — 200 files for a million rows instead of GROWI's 20,000 at 50 — while a crash loses well
    /// under a second of work and each file still opens comfortably in an editor or jq.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxLogsPerFile { get; set; } = 5_000;

    /// <summary>
    /// Exports this instance runs at once. Each export keeps one core busy (JSON + deflate) and SQLite has one writer,
    /// so 2 suits the small servers the app targets. 0 means this instance accepts requests but runs no exports.
    /// </summary>
    [Range(0, 64)]
    public int ParallelExecLimit { get; set; } = 2;

    /// <summary>
    /// The pre-flight estimate counts matching records exactly up to this many, then answers "more than this" (see
    /// <see cref="ExportEstimator"/>): counting stops early so that the dialog's answer comes at once on any log size.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int EstimateCountCap { get; set; } = 1_000_000;

    /// <summary>Where in-progress exports write their data files; relative paths are under the data directory.</summary>
    public string? WorkDirectory { get; set; }

    /// <summary>How often in-progress jobs are checked for expiry and resumed if nothing runs them (and once at start-up).</summary>
    [Range(1, 86_400)]
    public int SweepIntervalSeconds { get; set; } = 30;

    /// <summary>How often finished, failed and download-expired jobs are removed.</summary>
    [Range(10, 604_800)]
    public int CleanupIntervalSeconds { get; set; } = 900;

    /// <summary>
    /// On SQLite, read the export's rows through direct calls into the engine rather than the portable data reader
    /// (docs/decisions/0001-native-sqlite-export-reader.md has the figures). Used only when the loaded SQLite library
    /// is the expected one; off forces the portable reader.
    /// </summary>
    public bool NativeSqliteReader { get; set; } = true;

    internal const string DefaultWorkDirectoryName = "export-work";
}
