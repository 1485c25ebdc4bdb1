using System.Threading.Channels;

namespace AuditAdmin.Core.Features.Export.Pipeline;

/// <summary>
/// Commits an export's finished files in order on a background task: flush to disk, rename into place, then save the
/// cursor (last id, record count and file count) — so the cursor never gets ahead of the files, as the resume requires. Committed files
/// go on to the zip being built. The exporter keeps reading meanwhile; at most a couple of files wait in line.
/// </summary>
internal sealed class ExportFileCommitter : IAsyncDisposable
{
    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(2)
    {
        SingleReader = true,
        SingleWriter = true,
        FullMode = BoundedChannelFullMode.Wait,
    });
    private readonly ExportJobTransitions _transitions;
    private readonly Guid _jobId;
    private readonly StreamingZip? _zip;
    private readonly Task _worker;
    private volatile bool _superseded;
    private Exception? _error;

    public ExportFileCommitter(ExportJobTransitions transitions, Guid jobId, StreamingZip? zip)
    {
        _transitions = transitions;
        _jobId = jobId;
        _zip = zip;
        _worker = Task.Run(CommitAllAsync);
    }

    /// <summary>True once the job moved on (restart, expiry, removal) or a commit failed: stop exporting.</summary>
    public bool Stopped => _superseded || Volatile.Read(ref _error) is not null;

    /// <summary>
    /// Queues a finished file whose last record is <paramref name="lastId"/> and that brings the record count to
    /// <paramref name="total"/> and the file count to <paramref name="files"/>.
    /// </summary>
    public async ValueTask EnqueueAsync(ExportFileWriter file, long lastId, long total, int files, CancellationToken cancellationToken)
    {
        try
        {
            await _queue.Writer.WriteAsync(new Pending(file, lastId, total, files), cancellationToken);
        }
        catch (ChannelClosedException)
        {
            await file.DisposeAsync();
        }
    }

    /// <summary>Waits for every queued file; false when the job moved on. Rethrows a commit failure.</summary>
    public async Task<bool> CompleteAsync()
    {
        _queue.Writer.TryComplete();
        await _worker;
        if (_error is { } error)
        {
            throw new IOException($"Could not save a file of export job {_jobId}.", error);
        }
        return !_superseded;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _worker;
    }

    private async Task CommitAllAsync()
    {
        await foreach (var (file, lastId, total, files) in _queue.Reader.ReadAllAsync())
        {
            if (Stopped)
            {
                await file.DisposeAsync();
                continue;
            }
            try
            {
                await file.CommitAsync();
                _zip?.Add(file.Path);
                if (!await _transitions.SaveProgressAsync(_jobId, new ExportCursor(lastId, total, files), CancellationToken.None))
                {
                    _superseded = true;
                }
            }
            catch (Exception ex)
            {
                Volatile.Write(ref _error, ex);
                await file.DisposeAsync();
            }
        }
    }

    private readonly record struct Pending(ExportFileWriter File, long LastId, long Total, int Files);
}
