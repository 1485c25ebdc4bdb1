using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Export;
using AuditAdmin.Core.Features.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AuditAdmin.Tests.Features.Export.Pipeline;

/// <summary>When the disk or the storage fails mid-export, the job ends failed, its files go and its owner is told.</summary>
public sealed class ExportFailurePathTests : IAsyncLifetime
{
    private ExportTestHost _host = default!;
    private ExportPipeline _pipeline = default!;

    public async ValueTask InitializeAsync()
    {
        _host = await ExportTestHost.CreateAsync(DatabaseProvider.Sqlite, services =>
            services.AddSingleton<IFileStorage>(sp => new FullAfterFirstWrite(new LocalFileStorage(sp.GetRequiredService<IOptions<StorageOptions>>()))));
        _pipeline = new ExportPipeline(_host, await _host.CreateUserAsync("admin"));
        await ActivitySeed.InsertAsync(_host.DbFactory, ActivitySeed.Rows(60));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task AStorageThatFailsWhileTheZipIsWritten_ShouldEndTheJobFailedAtOnce_NotAfterTheLastFile()
    {
        var jobId = await _pipeline.RequestAsync();

        await _pipeline.RunAsync(jobId);

        var job = await _host.JobAsync(jobId);
        Assert.Equal(ExportStatus.Failed, job.Status);
        // Noticed while exporting: the run stopped before it had read every record.
        Assert.Contains(_host.Logs.Entries, e => e.Message.Contains($"Export job {jobId} failed while exporting", StringComparison.Ordinal));
        Assert.True(job.TotalExportedCount < 60, $"{job.TotalExportedCount} records were exported after the storage failed");
        Assert.False(Directory.Exists(_pipeline.WorkFolder(jobId)));
        Assert.Equal([(SupportedActions.AuditLogBulkExportFailed, jobId.ToString())], await _host.NotificationsAsync(_pipeline.Owner.Id));
        Assert.Empty(await _host.QueryAsync(db => db.Attachments));
    }

    [Fact]
    public async Task AWorkFolderThatCannotBeWritten_ShouldEndTheJobFailed_AndTellItsOwner()
    {
        var jobId = await _pipeline.RequestAsync();
        // A real filesystem refusal (the tests run as root, so permissions would not stop them): a file holds the
        // folder's name, and nothing can be created inside it.
        var folder = _pipeline.WorkFolder(jobId);
        Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
        await File.WriteAllTextAsync(folder, "in the way", TestContext.Current.CancellationToken);

        await _pipeline.RunAsync(jobId);

        Assert.Equal(ExportStatus.Failed, (await _host.JobAsync(jobId)).Status);
        Assert.Equal([(SupportedActions.AuditLogBulkExportFailed, jobId.ToString())], await _host.NotificationsAsync(_pipeline.Owner.Id));
        Assert.Single(await _host.ActivitiesWithActionAsync(SupportedActions.AuditLogBulkExportFailed));
        Assert.Empty(await _host.QueryAsync(db => db.Attachments));
    }

    /// <summary>A disk that fills up: the first write of each stored file goes through, every later one fails.</summary>
    private sealed class FullAfterFirstWrite(IFileStorage inner) : IFileStorage
    {
        public async Task<IStorageWrite> OpenWriteAsync(string key, CancellationToken cancellationToken) =>
            new Write(await inner.OpenWriteAsync(key, cancellationToken));

        public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken) => inner.OpenReadAsync(key, cancellationToken);

        public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

        public Task<int> DeleteAbandonedWritesAsync(DateTime startedBeforeUtc, CancellationToken cancellationToken) =>
            inner.DeleteAbandonedWritesAsync(startedBeforeUtc, cancellationToken);

        public IAsyncEnumerable<StoredFile> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);

        private sealed class Write(IStorageWrite inner) : IStorageWrite
        {
            public Stream Stream { get; } = new Filling(inner.Stream);

            public Task<long> CommitAsync(CancellationToken cancellationToken) => inner.CommitAsync(cancellationToken);

            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }

        private sealed class Filling(Stream inner) : Stream
        {
            private int _writes;

            public override bool CanRead => false;
            public override bool CanSeek => false;
            public override bool CanWrite => true;
            public override long Length => throw new NotSupportedException();

            public override long Position
            {
                get => throw new NotSupportedException();
                set => throw new NotSupportedException();
            }

            public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

            public override void Write(ReadOnlySpan<byte> buffer)
            {
                if (++_writes > 1)
                {
                    throw new IOException("No space left on device");
                }
                inner.Write(buffer);
            }

            public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
            {
                Write(buffer.Span);
                return ValueTask.CompletedTask;
            }

            public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            {
                Write(buffer.AsSpan(offset, count));
                return Task.CompletedTask;
            }

            public override void Flush() => inner.Flush();

            public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();
        }
    }
}
