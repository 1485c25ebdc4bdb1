using Microsoft.Extensions.Options;

namespace AuditAdmin.Core.Features.Storage;

/// <summary>
/// Files under a local folder. Writes go to a temporary file beside the target, are flushed to disk and then renamed
/// over the target, so a reader never sees a half-written file and a crash leaves at most a stray temporary file.
/// </summary>
public sealed class LocalFileStorage(IOptions<StorageOptions> options) : IFileStorage
{
    private const string TempSuffix = ".uploading";
    private const int BufferSize = 128 * 1024;

    public string Root { get; } = Path.GetFullPath(options.Value.Local.Root
        ?? throw new InvalidOperationException("Storage:Local:Root is not resolved."));

    public Task<IStorageWrite> OpenWriteAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}{TempSuffix}";
        var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BufferSize, FileOptions.Asynchronous);
        return Task.FromResult<IStorageWrite>(new LocalWrite(stream, temp, path));
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            return Task.FromResult<Stream?>(null);
        }
        try
        {
            Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
            return Task.FromResult<Stream?>(stream);
        }
        catch (FileNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    /// <remarks>A write in progress keeps touching its file; one untouched since the cutoff was abandoned.</remarks>
    public Task<int> DeleteAbandonedWritesAsync(DateTime startedBeforeUtc, CancellationToken cancellationToken)
    {
        var deleted = 0;
        if (Directory.Exists(Root))
        {
            foreach (var path in Directory.EnumerateFiles(Root, "*" + TempSuffix, SearchOption.AllDirectories))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (File.GetLastWriteTimeUtc(path) < startedBeforeUtc)
                {
                    File.Delete(path);
                    deleted++;
                }
            }
        }
        return Task.FromResult(deleted);
    }

    public IAsyncEnumerable<StoredFile> ListAsync(string prefix, CancellationToken cancellationToken) =>
        List(prefix, cancellationToken).ToAsyncEnumerable();

    private IEnumerable<StoredFile> List(string prefix, CancellationToken cancellationToken)
    {
        // Only the folder the prefix names is searched; the rest of the prefix filters the keys found there.
        var slash = prefix.LastIndexOf('/');
        var folder = slash < 0 ? Root : PathOf(prefix[..slash]);
        if (!Directory.Exists(folder))
        {
            yield break;
        }
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var key = Path.GetRelativePath(Root, path).Replace(Path.DirectorySeparatorChar, '/');
            if (path.EndsWith(TempSuffix, StringComparison.Ordinal) || !key.StartsWith(prefix, StringComparison.Ordinal)
                || !StorageKey.IsValid(key))
            {
                continue;
            }
            var file = new FileInfo(path);
            if (file.Exists)
            {
                yield return new StoredFile(key, file.LastWriteTimeUtc);
            }
        }
    }

    /// <summary>The file of a key; the key is validated and the result checked to lie inside the root.</summary>
    public string PathOf(string key)
    {
        StorageKey.Validate(key);
        var path = Path.GetFullPath(Path.Combine(Root, key));
        if (!path.StartsWith(Path.TrimEndingDirectorySeparator(Root) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Storage key '{key}' leaves the storage root.", nameof(key));
        }
        return path;
    }

    private sealed class LocalWrite(FileStream stream, string tempPath, string finalPath) : IStorageWrite
    {
        private bool _committed;

        public Stream Stream => stream;

        public async Task<long> CommitAsync(CancellationToken cancellationToken)
        {
            await stream.FlushAsync(cancellationToken);
            stream.Flush(flushToDisk: true);
            var length = stream.Length;
            await stream.DisposeAsync();
            File.Move(tempPath, finalPath, overwrite: true);
            _committed = true;
            return length;
        }

        public async ValueTask DisposeAsync()
        {
            await stream.DisposeAsync();
            if (!_committed)
            {
                File.Delete(tempPath);
            }
        }
    }
}
