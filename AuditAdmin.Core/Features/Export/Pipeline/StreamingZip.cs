using System.IO.Compression;
using System.Threading.Channels;
using AuditAdmin.Core.Features.Storage;

namespace AuditAdmin.Core.Features.Export.Pipeline;

/// <summary>
/// A zip that is written into storage while the export is still producing files: each finished data file is
/// compressed on another thread as soon as it is handed over, so deflate (the costliest step) overlaps the reading of
/// the next records instead of following it. The zip itself is hashed as it is written (each data file was hashed as it
/// was written: <see cref="ExportFileStats"/>). Once the data files are in (<see cref="DataFilesAsync"/>), the bundle files are added from memory; nothing
/// is visible in storage until <see cref="CommitAsync"/>; disposing without committing discards the zip.
/// </summary>
internal sealed class StreamingZip : IAsyncDisposable
{
    private const int CopyBufferSize = 128 * 1024;

    private readonly Channel<Entry> _queue = Channel.CreateUnbounded<Entry>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly List<string> _entries = [];
    private readonly IStorageWrite _target;
    private readonly HashingStream _output;
    private readonly CancellationTokenSource _abort = new();
    private readonly Task _worker;
    private TaskCompletionSource? _dataDone;

    private StreamingZip(string key, Guid attachmentId, IStorageWrite target)
    {
        Key = key;
        AttachmentId = attachmentId;
        _target = target;
        _output = new HashingStream(target.Stream);
        _worker = Task.Run(() => WriteAsync(_abort.Token));
    }

    public string Key { get; }
    public Guid AttachmentId { get; }

    /// <summary>Data-file entry names in the order they were added.</summary>
    public IReadOnlyList<string> Entries => _entries;

    /// <summary>Lower-case hex SHA-256 of the whole zip, once it is finished.</summary>
    public string? Sha256 { get; private set; }

    public static async Task<StreamingZip> StartAsync(IFileStorage storage, string key, Guid attachmentId, CancellationToken cancellationToken) =>
        new(key, attachmentId, await storage.OpenWriteAsync(key, cancellationToken));

    /// <summary>
    /// Throws the storage's failure as soon as writing the zip has failed, so the export stops at its next file
    /// instead of finding out after the last one.
    /// </summary>
    public void ThrowIfFailed()
    {
        if (_worker.IsFaulted)
        {
            throw new IOException($"The zip {Key} could not be written to storage.", _worker.Exception?.InnerException);
        }
    }

    /// <summary>Queues a finished data file; it must not change afterwards.</summary>
    public void Add(string path)
    {
        _entries.Add(Path.GetFileName(path));
        _queue.Writer.TryWrite(new Entry(path, null, null));
    }

    /// <summary>Waits until every queued data file is compressed.</summary>
    public async Task DataFilesAsync(CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _dataDone = done;
        _queue.Writer.TryWrite(new Entry(null, null, null));
        await Task.WhenAny(done.Task, _worker).WaitAsync(cancellationToken);
        if (_worker.IsFaulted)
        {
            await _worker;
        }
    }

    /// <summary>Adds a file from memory (after the data files), then writes the zip's central directory.</summary>
    public async Task FinishAsync(IEnumerable<(string Name, byte[] Content)> extraFiles, CancellationToken cancellationToken)
    {
        foreach (var (name, content) in extraFiles)
        {
            _queue.Writer.TryWrite(new Entry(null, name, content));
        }
        _queue.Writer.TryComplete();
        await _worker.WaitAsync(cancellationToken);
        Sha256 = _output.HashHex();
    }

    /// <summary>Makes the finished zip visible under <see cref="Key"/>; returns its size.</summary>
    public Task<long> CommitAsync(CancellationToken cancellationToken) => _target.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _abort.CancelAsync();
        try
        {
            await _worker;
        }
        catch (Exception)
        {
            // The zip is being discarded; a failure that mattered was already raised by FinishAsync.
        }
        _output.Dispose();
        await _target.DisposeAsync();
        _abort.Dispose();
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        await using var zip = await ZipArchive.CreateAsync(_output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken);
        await foreach (var entry in _queue.Reader.ReadAllAsync(cancellationToken))
        {
            if (entry.Path is { } path)
            {
                await AddFileAsync(zip, path, cancellationToken);
            }
            else if (entry.Name is { } name)
            {
                await AddBytesAsync(zip, name, entry.Content!, cancellationToken);
            }
            else
            {
                _dataDone?.TrySetResult();
            }
        }
    }

    /// <summary>Deflate at CompressionLevel.Optimal: zlib level 6, as GROWI and `zip -6` use.</summary>
    private static async Task AddFileAsync(ZipArchive zip, string path, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(Path.GetFileName(path), CompressionLevel.Optimal);
        entry.LastWriteTime = File.GetLastWriteTimeUtc(path);
        await using var output = await entry.OpenAsync(cancellationToken);
        await using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, CopyBufferSize,
            FileOptions.Asynchronous | FileOptions.SequentialScan);
        await input.CopyToAsync(output, CopyBufferSize, cancellationToken);
    }

    private static async Task AddBytesAsync(ZipArchive zip, string name, byte[] content, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        await using var output = await entry.OpenAsync(cancellationToken);
        await output.WriteAsync(content, cancellationToken);
    }

    private readonly record struct Entry(string? Path, string? Name, byte[]? Content);
}
