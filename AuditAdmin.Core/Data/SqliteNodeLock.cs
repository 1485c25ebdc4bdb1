using Microsoft.Extensions.Hosting;

namespace AuditAdmin.Core.Data;

/// <summary>
/// SQLite is one node: the serving process holds an exclusive lock on a file next to the database (FileShare.None,
/// an flock on Linux) from start-up, before migrating, until it stops; a second serving process on the same database
/// refuses to start. The kernel drops the lock when the process dies, however it dies, so a crash leaves nothing to
/// clean up; the file is never deleted, since deleting it would let a third process lock a new file beside a holder.
/// Command-line verbs do not start the host, so they still work on the database while the app runs.
/// </summary>
internal sealed class SqliteNodeLock(string databasePath) : IHostedService, IDisposable
{
    private FileStream? _lock;

    public static string LockPath(string databasePath) => databasePath + ".node-lock";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var path = LockPath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            _lock = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
        }
        catch (IOException ex)
        {
            throw new SqliteSingleNodeException(databasePath, ex);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }
}

/// <summary>Another process already serves this SQLite database.</summary>
public sealed class SqliteSingleNodeException(string databasePath, Exception inner) : Exception(
    $"Another AuditAdmin process is already running on the SQLite database {databasePath}. SQLite supports one AuditAdmin "
    + "node only: stop the other process, or, to run several nodes, use PostgreSQL or SQL Server (Database:Provider and "
    + "ConnectionStrings:Default).", inner);
