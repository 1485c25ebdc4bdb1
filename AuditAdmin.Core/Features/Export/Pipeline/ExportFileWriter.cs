using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using AuditAdmin.Core.Features.Export.Sources;

namespace AuditAdmin.Core.Features.Export.Pipeline;

/// <summary>
/// One JSON file of an export: a JSON array written to a temporary name, then made durable (flushed to disk) and
/// renamed into place. A crash therefore leaves either a finished file or a temporary one that the resume deletes.
/// Writing (<see cref="Write"/>, <see cref="Finish"/>) and committing (<see cref="CommitAsync"/>) may happen on
/// different threads, so the exporter goes on reading while the previous file reaches the disk.
/// </summary>
internal sealed class ExportFileWriter : IAsyncDisposable
{
    private const int FlushThreshold = 64 * 1024;

    /// <summary>
    /// A data file, not HTML: only what JSON requires is escaped, so names in any script stay readable, as in the
    /// JSON.stringify output of GROWI's export.
    /// </summary>
    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

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
        _writer = new Utf8JsonWriter(_stream, WriterOptions);
        _writer.WriteStartArray();
    }

    public string Path { get; }
    public int Count { get; private set; }

    public static ExportFileWriter Create(string directory, Guid jobId, int index)
    {
        Directory.CreateDirectory(directory);
        return new ExportFileWriter(System.IO.Path.Combine(directory, ExportWorkDirectory.FileName(jobId, index)));
    }

    /// <summary>Appends the source's current record; returns its id.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public long Write(ExportRecordSource source)
    {
        var id = source.Write(_writer);
        Count++;
        if (_writer.BytesPending >= FlushThreshold)
        {
            _writer.Flush();
        }
        return id;
    }

    /// <summary>Closes the array and hands the bytes to the operating system.</summary>
    public void Finish()
    {
        _writer.WriteEndArray();
        _writer.Flush();
    }

    /// <summary>Forces the finished file to disk and gives it its final name.</summary>
    public async Task CommitAsync()
    {
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
