using System.Text.Json;
using System.Text.Json.Serialization;

namespace AuditAdmin.Core.Features.Export.Pipeline;

/// <summary>Where an export continues: the saved cursor and count, and the number of its next file.</summary>
internal readonly record struct ExportStart(long LastExportedId, long TotalExportedCount, int NextFileIndex);

/// <summary>
/// Reconciles a job's work folder with its saved cursor before exporting. A file is renamed into place before the
/// cursor is saved, so a crash can leave one finished file beyond the cursor: it is deleted and written again. A
/// cursor beyond the files (the folder was lost) starts the export over. Half-written files are always deleted.
/// </summary>
internal sealed class ExportResume(ExportWorkDirectory work, ExportJobTransitions transitions)
{
    /// <summary>The point to continue from, or null when the job changed meanwhile.</summary>
    public async Task<ExportStart?> PrepareAsync(AuditLogBulkExportJob job, CancellationToken cancellationToken)
    {
        work.DeleteTemporaryFiles(job.Id);
        var files = work.ListFiles(job.Id).ToList();
        var cursor = job.LastExportedId;

        while (files.Count > 0)
        {
            var lastInFile = await LastIdAsync(files[^1].Path, cancellationToken);
            if (lastInFile is { } id && id <= cursor)
            {
                if (id == cursor)
                {
                    return new ExportStart(cursor, job.TotalExportedCount, files[^1].Index + 1);
                }
                break;
            }
            File.Delete(files[^1].Path);
            files.RemoveAt(files.Count - 1);
        }

        if (files.Count == 0 && cursor == 0 && job.TotalExportedCount == 0)
        {
            return new ExportStart(0, 0, 0);
        }
        // The files do not reach the saved cursor: start over rather than ship an export with a hole.
        work.Delete(job.Id);
        return await transitions.ResetCursorAsync(job.Id, cancellationToken) ? new ExportStart(0, 0, 0) : null;
    }

    /// <summary>The last record's id in a finished file, read as a stream; null if the file cannot be read as an export file.</summary>
    private static async Task<long?> LastIdAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
            long? last = null;
            await foreach (var record in JsonSerializer.DeserializeAsyncEnumerable<RecordId>(stream, cancellationToken: cancellationToken))
            {
                last = record?.Id ?? last;
            }
            return last;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record RecordId([property: JsonPropertyName("_id")] long Id);
}
