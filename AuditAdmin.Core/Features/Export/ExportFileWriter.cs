using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace AuditAdmin.Core.Features.Export;

/// <summary>
/// One JSON file of an export: a JSON array written to a temporary name, then made durable (flush to disk) and
/// renamed into place. A crash therefore leaves either a finished file or a temporary one that the resume deletes.
/// </summary>
public sealed class ExportFileWriter : IAsyncDisposable
{
    private const int FlushThreshold = 64 * 1024;

    private readonly FileStream _stream;
    private readonly Utf8JsonWriter _writer;
    private readonly string _tempPath;
    private bool _committed;

    private ExportFileWriter(string path)
    {
        Path = path;
        _tempPath = path + ExportWorkDirectory.TempSuffix;
        _stream = new FileStream(_tempPath, new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            Share = FileShare.None,
            // Utf8JsonWriter already batches into 64 KB writes; a second buffer would only copy.
            BufferSize = 0,
        });
        _writer = new Utf8JsonWriter(_stream, new JsonWriterOptions { SkipValidation = true });
        _writer.WriteStartArray();
    }

    public string Path { get; }
    public int Count { get; private set; }

    public static ExportFileWriter Create(string directory, Guid jobId, int index)
    {
        Directory.CreateDirectory(directory);
        return new ExportFileWriter(System.IO.Path.Combine(directory, ExportWorkDirectory.FileName(jobId, index)));
    }

    /// <summary>Appends the reader's current row; returns its id.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public long Write(DbDataReader row)
    {
        var id = ExportRecordWriter.Write(_writer, row);
        Count++;
        if (_writer.BytesPending >= FlushThreshold)
        {
            _writer.Flush();
        }
        return id;
    }

    /// <summary>Closes the array, forces the bytes to disk and gives the file its final name.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        _writer.WriteEndArray();
        await _writer.FlushAsync(cancellationToken);
        _stream.Flush(flushToDisk: true);
        await _writer.DisposeAsync();
        await _stream.DisposeAsync();
        File.Move(_tempPath, Path, overwrite: true);
        _committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_committed)
        {
            return;
        }
        await _writer.DisposeAsync();
        await _stream.DisposeAsync();
        File.Delete(_tempPath);
    }
}
