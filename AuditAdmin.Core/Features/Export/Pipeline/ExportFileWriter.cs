using AuditAdmin.Core.Features.Export.Formats;
using AuditAdmin.Core.Features.Export.Sources;

namespace AuditAdmin.Core.Features.Export.Pipeline;

/// <summary>
/// One data file of an export, in the job's format: written to a temporary name, then made durable (flushed to disk)
/// and renamed into place. A crash therefore leaves either a finished file or a temporary one that the resume deletes.
/// Writing (<see cref="Write"/>, <see cref="Finish"/>) and committing (<see cref="CommitAsync"/>) may happen on
/// different threads, so the exporter goes on reading while the previous file reaches the disk. The file is hashed as
/// it is written, on the exporting thread, so the zip's thread (deflate, the costliest step) only compresses.
/// </summary>
internal sealed class ExportFileWriter : IAsyncDisposable
{
    private readonly FileStream _stream;
    private readonly HashingStream _hashing;
    private readonly IExportRecordWriter _records;
    private readonly string _tempPath;
    private bool _committed;

    private readonly string _statsPath;

    private ExportFileWriter(string path, string statsPath, IExportFormat format, ExportRequester requester)
    {
        Path = path;
        _statsPath = statsPath;
        _tempPath = path + ExportWorkDirectory.TempSuffix;
        _stream = new FileStream(_tempPath, new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            Share = FileShare.None,
            // The format's writer batches into large writes; a second buffer would only copy.
            BufferSize = 0,
        });
        _hashing = new HashingStream(_stream);
        _records = format.Start(_hashing, requester);
    }

    public string Path { get; }
    public int Count { get; private set; }
    public long? FirstId { get; private set; }
    public long? LastId { get; private set; }

    public static ExportFileWriter Create(string directory, Guid jobId, int index, IExportFormat format, ExportRequester requester)
    {
        Directory.CreateDirectory(directory);
        return new ExportFileWriter(System.IO.Path.Combine(directory, ExportWorkDirectory.FileName(jobId, index, format.FileExtension)),
            ExportFileStats.PathFor(directory, index), format, requester);
    }

    /// <summary>Appends the row's record.</summary>
    public void Write(IExportRow row)
    {
        _records.Write(row);
        FirstId ??= row.Id;
        LastId = row.Id;
        Count++;
    }

    /// <summary>Writes the format's footer and hands the bytes to the operating system.</summary>
    public void Finish() => _records.Finish();

    /// <summary>Forces the finished file to disk and gives it its final name.</summary>
    public async Task CommitAsync()
    {
        await _records.DisposeAsync();
        _stream.Flush(flushToDisk: true);
        await _stream.DisposeAsync();
        new ExportFileStats(Count, FirstId, LastId, _hashing.BytesWritten, _hashing.HashHex()).Save(_statsPath);
        _hashing.Dispose();
        File.Move(_tempPath, Path, overwrite: true);
        _committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_committed)
        {
            return;
        }
        await _records.DisposeAsync();
        await _stream.DisposeAsync();
        _hashing.Dispose();
        File.Delete(_tempPath);
    }
}
