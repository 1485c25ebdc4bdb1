namespace AuditAdmin.Core.Features.Export.Pipeline;

/// <summary>
/// How far an export got, as saved on the job after each finished file: the last record's id, the records and the
/// files written. The next file is number <see cref="ExportedFileCount"/>.
/// </summary>
internal readonly record struct ExportCursor(long LastExportedId, long TotalExportedCount, int ExportedFileCount)
{
    public static ExportCursor Start => default;

    public static ExportCursor Of(AuditLogBulkExportJob job) => new(job.LastExportedId, job.TotalExportedCount, job.ExportedFileCount);
}

/// <summary>
/// Reconciles a job's work folder with its saved cursor before exporting, without reading any file, so it holds for
/// every format. A file is renamed into place before the cursor is saved, so a crash can leave finished files at or
/// past the saved file count: they are deleted and written again. Files below the count that are missing (the folder
/// was lost) start the export over, as does a kept file without readable stats (the manifest needs them). Half-written
/// files are always deleted.
/// </summary>
internal sealed class ExportResume(ExportWorkDirectory work, ExportJobTransitions transitions)
{
    /// <summary>The point to continue from, or null when the job changed meanwhile.</summary>
    public async Task<ExportCursor?> PrepareAsync(AuditLogBulkExportJob job, CancellationToken cancellationToken)
    {
        var cursor = ExportCursor.Of(job);
        work.DeleteTemporaryFiles(job.Id);
        var kept = new HashSet<int>();
        var directory = work.For(job.Id);
        foreach (var (index, path) in work.ListFiles(job.Id))
        {
            var stats = ExportFileStats.PathFor(directory, index);
            if (index >= cursor.ExportedFileCount)
            {
                File.Delete(path);
                File.Delete(stats);
            }
            else if (ExportFileStats.Load(stats) is not null)
            {
                kept.Add(index);
            }
        }

        // No saved file and no saved record: a fresh start. All saved files there: continue after them. (A job whose
        // cursor was saved before file counts were kept has records but no file count, and starts over.)
        var fresh = cursor.ExportedFileCount == 0 && cursor.LastExportedId == 0 && cursor.TotalExportedCount == 0;
        if (fresh || (cursor.ExportedFileCount > 0 && kept.Count == cursor.ExportedFileCount))
        {
            return cursor;
        }
        // The files do not reach the saved cursor: start over rather than ship an export with a hole.
        work.Delete(job.Id);
        return await transitions.ResetCursorAsync(job.Id, cancellationToken) ? ExportCursor.Start : null;
    }
}
