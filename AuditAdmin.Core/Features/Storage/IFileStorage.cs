namespace AuditAdmin.Core.Features.Storage;

/// <summary>
/// Stores files by key (for example "audit-log-bulk-export/&lt;id&gt;.zip"). Keys are relative, slash-separated
/// paths of letters, digits, '.', '_' and '-' (see <see cref="StorageKey"/>).
/// </summary>
public interface IFileStorage
{
    /// <summary>Starts writing a file that becomes visible under its key only when committed.</summary>
    Task<IStorageWrite> OpenWriteAsync(string key, CancellationToken cancellationToken);

    /// <summary>The stored file, or null when there is none.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes the file; nothing happens when there is none.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes writes that were started before <paramref name="startedBeforeUtc"/> and never committed (a crash); returns how many.</summary>
    Task<int> DeleteAbandonedWritesAsync(DateTime startedBeforeUtc, CancellationToken cancellationToken);

    /// <summary>The committed files whose keys start with <paramref name="prefix"/> (writes in progress are not listed).</summary>
    IAsyncEnumerable<StoredFile> ListAsync(string prefix, CancellationToken cancellationToken);
}

/// <summary>A committed file: its key and when it was last written.</summary>
public sealed record StoredFile(string Key, DateTime LastModifiedUtc);

/// <summary>A file being written. Disposing it without <see cref="CommitAsync"/> discards everything written.</summary>
public interface IStorageWrite : IAsyncDisposable
{
    Stream Stream { get; }

    /// <summary>Makes the file durable and visible under its key, replacing any previous one; returns its size in bytes.</summary>
    Task<long> CommitAsync(CancellationToken cancellationToken);
}
