using System.IO.Compression;
using System.Threading.Channels;
using AuditAdmin.Core.Features.Storage;

namespace AuditAdmin.Core.Features.Export.Pipeline;

/// <summary>
/// A zip that is written into storage while the export is still producing files: each finished data file is
/// compressed on another thread as soon as it is handed over, so deflate (the costliest step) overlaps the reading of
/// the next records instead of following it. Nothing is visible in storage until <see cref="CommitAsync"/>; disposing
/// without committing discards the zip.
/// </summary>
internal sealed class StreamingZip : IAsyncDisposable
{
    private const int CopyBufferSize = 128 * 1024;

    private readonly Channel<string> _files = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly List<string> _entries = [];
    private readonly IStorageWrite _target;
    private readonly CancellationTokenSource _abort = new();
    private readonly Task _worker;

    private StreamingZip(string key, Guid attachmentId, IStorageWrite target)
    {
        Key = key;
        AttachmentId = attachmentId;
        _target = target;
        _worker = Task.Run(() => WriteAsync(_abort.Token));
    }

    public string Key { get; }
    public Guid AttachmentId { get; }

    /// <summary>Entry names in the order they were added.</summary>
    public IReadOnlyList<string> Entries => _entries;

    public static async Task<StreamingZip> StartAsync(IFileStorage storage, string key, Guid attachmentId, CancellationToken cancellationToken) =>
        new(key, attachmentId, await storage.OpenWriteAsync(key, cancellationToken));

    /// <summary>Queues a finished file; it must not change afterwards.</summary>
    public void Add(string path)
    {
        _entries.Add(Path.GetFileName(path));
        _files.Writer.TryWrite(path);
    }

    /// <summary>Waits for the queued files to be compressed and writes the zip's central directory.</summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        _files.Writer.TryComplete();
        await _worker.WaitAsync(cancellationToken);
    }

    /// <summary>Makes the finished zip visible under <see cref="Key"/>; returns its size.</summary>
    public Task<long> CommitAsync(CancellationToken cancellationToken) => _target.CommitAsync(cancellationToken);

    /// <summary>Writes a complete zip of the given files (the path for a job found already uploading after a restart).</summary>
    public static async Task WriteAllAsync(IEnumerable<string> paths, Stream destination, CancellationToken cancellationToken)
    {
        await using var zip = await ZipArchive.CreateAsync(destination, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken);
        foreach (var path in paths)
        {
            await AddEntryAsync(zip, path, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _files.Writer.TryComplete();
        await _abort.CancelAsync();
        try
        {
            await _worker;
        }
        catch (Exception)
        {
            // The zip is being discarded; a failure that mattered was already raised by FinishAsync.
        }
        await _target.DisposeAsync();
        _abort.Dispose();
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        await using var zip = await ZipArchive.CreateAsync(_target.Stream, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken);
        await foreach (var path in _files.Reader.ReadAllAsync(cancellationToken))
        {
            await AddEntryAsync(zip, path, cancellationToken);
        }
    }

    /// <summary>Deflate at CompressionLevel.Optimal: zlib level 6, as GROWI and `zip -6` use.</summary>
    private static async Task AddEntryAsync(ZipArchive zip, string path, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(Path.GetFileName(path), CompressionLevel.Optimal);
        entry.LastWriteTime = File.GetLastWriteTimeUtc(path);
        await using var output = await entry.OpenAsync(cancellationToken);
        await using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, CopyBufferSize,
            FileOptions.Asynchronous | FileOptions.SequentialScan);
        await input.CopyToAsync(output, CopyBufferSize, cancellationToken);
    }
}
