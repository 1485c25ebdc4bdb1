using System.Net;
using System.Net.Http.Headers;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Export;
using AuditAdmin.Core.Features.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AuditAdmin.Tests.TestInfrastructure.ExportApi;

namespace AuditAdmin.Tests.Web.Endpoints;

/// <summary>The application with its file storage watched: when a zip is opened, how much of it is read, when it is closed.</summary>
public sealed class WatchedStorageFactory : AuditAdminFactory
{
    public WatchedStorage Watch { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            var real = services.Last(d => d.ServiceType == typeof(IFileStorage));
            services.Remove(real);
            services.AddSingleton<IFileStorage>(sp => new WatchedStorage.Storage(
                (IFileStorage)(real.ImplementationInstance ?? real.ImplementationFactory?.Invoke(sp)
                    ?? ActivatorUtilities.CreateInstance(sp, real.ImplementationType!)), Watch, sp));
        });
    }
}

public sealed class WatchedStorage
{
    /// <summary>Recorded downloads of the zip when it was opened for reading, one entry per opening.</summary>
    public List<int> DownloadsRecordedAtOpen { get; } = [];

    /// <summary>While set, the second read of an opened zip waits until the request is aborted.</summary>
    public bool StallAfterFirstRead { get; set; }

    public TaskCompletionSource Disposed { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Reset() => Disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal sealed class Storage(IFileStorage inner, WatchedStorage watch, IServiceProvider services) : IFileStorage
    {
        public Task<IStorageWrite> OpenWriteAsync(string key, CancellationToken cancellationToken) => inner.OpenWriteAsync(key, cancellationToken);

        public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
        {
            await using (var db = await services.GetRequiredService<IDbContextFactory<AuditAdmin.Core.Data.AuditAdminDbContext>>()
                .CreateDbContextAsync(cancellationToken))
            {
                watch.DownloadsRecordedAtOpen.Add(await db.Activities.CountAsync(a => a.Action == SupportedActions.AttachmentDownload, cancellationToken));
            }
            var stream = await inner.OpenReadAsync(key, cancellationToken);
            return stream is null ? null : new Watched(stream, watch);
        }

        public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

        public Task<int> DeleteAbandonedWritesAsync(DateTime startedBeforeUtc, CancellationToken cancellationToken) =>
            inner.DeleteAbandonedWritesAsync(startedBeforeUtc, cancellationToken);

        public IAsyncEnumerable<StoredFile> ListAsync(string prefix, CancellationToken cancellationToken) =>
            inner.ListAsync(prefix, cancellationToken);
    }

    private sealed class Watched(Stream inner, WatchedStorage watch) : Stream
    {
        private int _reads;

        public override bool CanRead => true;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (watch.StallAfterFirstRead && ++_reads > 1)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            return await inner.ReadAsync(watch.StallAfterFirstRead ? buffer[..Math.Min(buffer.Length, 16)] : buffer, cancellationToken);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                watch.Disposed.TrySetResult();
            }
            base.Dispose(disposing);
        }

        public override async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync();
            watch.Disposed.TrySetResult();
            await base.DisposeAsync();
        }
    }
}

/// <summary>
/// Every download that sends bytes is recorded, whatever its Range header says, and only those; the zip is opened
/// after the record and closed when the client goes away.
/// </summary>
public sealed class DownloadRangeTests(WatchedStorageFactory factory) : IClassFixture<WatchedStorageFactory>
{
    private async Task<(HttpClient Client, AuditLogBulkExportJob Job, byte[] Zip)> CompletedExportAsync()
    {
        await factory.AddAsync(ActivityApi.Row("ranged", DateTime.UtcNow.AddMinutes(-5)), ActivityApi.Row("ranged", DateTime.UtcNow.AddMinutes(-4)));
        var (owner, client) = await AdminClientAsync(factory);
        using var created = await PostRawAsync(client, """{"filters":{"usernames":["ranged"]}}""");
        var job = await ExportCompletion.WaitAsync(factory.Services, owner.Id, (await JsonAsync(created)).GetProperty("jobId").GetGuid());
        using var first = await client.GetAsync($"/download/{job.AttachmentId}", Ct);
        return (client, job, await first.Content.ReadAsByteArrayAsync(Ct));
    }

    private async Task<int> DownloadsAsync(Guid? attachmentId)
    {
        await using var db = await factory.DbFactory.CreateDbContextAsync(Ct);
        return await db.Activities.CountAsync(a => a.Action == SupportedActions.AttachmentDownload && a.Target == attachmentId.ToString(), Ct);
    }

    public static TheoryData<string, string?, int, int, int> Requests() => new()
    {
        // header, value, expected status, first byte, byte count (-1: the whole zip)
        { "Range", "bytes=abc", 200, 0, -1 },
        { "Range", "bytes=0-1,5-6", 200, 0, -1 },
        { "Range", "items=0-5", 200, 0, -1 },
        { "Range", "bytes=99999999999999999999999-", 200, 0, -1 },
        { "Range", "bytes=10-19", 206, 10, 10 },
        { "Range", "bytes=0-", 206, 0, -1 },
        { "Range", "bytes=-5", 206, -5, 5 },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Download_ShouldBeRecorded_WheneverItSendsBytes_DecidedFromTheParsedRange(string header, string? value, int status,
        int firstByte, int count)
    {
        var (client, job, zip) = await CompletedExportAsync();
        var before = await DownloadsAsync(job.AttachmentId);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/download/{job.AttachmentId}");
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(status, (int)response.StatusCode);
        var start = firstByte < 0 ? zip.Length + firstByte : firstByte;
        Assert.Equal(zip[start..(count < 0 ? zip.Length : start + count)], await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(before + 1, await DownloadsAsync(job.AttachmentId));
    }

    [Fact]
    public async Task Download_ShouldNotBeRecorded_WhenNoByteIsSent()
    {
        var (client, job, zip) = await CompletedExportAsync();
        var before = await DownloadsAsync(job.AttachmentId);
        var etag = $"\"Attachment-{job.AttachmentId:N}\"";

        using var notModified = await SendAsync(client, job, ("If-None-Match", etag));
        using var beyond = await SendAsync(client, job, ("Range", $"bytes={zip.Length}-"));
        using var failed = await SendAsync(client, job, ("If-Match", "\"something-else\""));

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, beyond.StatusCode);
        Assert.Equal($"bytes */{zip.Length}", beyond.Content.Headers.ContentRange?.ToString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, failed.StatusCode);
        Assert.Equal(before, await DownloadsAsync(job.AttachmentId));
    }

    [Fact]
    public async Task Download_ShouldSendTheWholeZip_WhenIfRangeNoLongerMatches()
    {
        var (client, job, zip) = await CompletedExportAsync();

        using var response = await SendAsync(client, job, ("Range", "bytes=10-19"), ("If-Range", "\"an-older-one\""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(zip, await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Zip_ShouldBeOpenedAfterTheDownloadIsRecorded_AndClosed_WhenTheClientGoesAway()
    {
        var (client, job, _) = await CompletedExportAsync();
        var before = await AllDownloadsAsync();
        factory.Watch.DownloadsRecordedAtOpen.Clear();
        factory.Watch.Reset();
        factory.Watch.StallAfterFirstRead = true;
        try
        {
            using (var response = await client.GetAsync($"/download/{job.AttachmentId}", HttpCompletionOption.ResponseHeadersRead, Ct))
            {
                await using var body = await response.Content.ReadAsStreamAsync(Ct);
                Assert.True(await body.ReadAsync(new byte[8], Ct) > 0);
            }

            // The server's read waits for more; the client has gone: the request is aborted and the zip closed.
            await factory.Watch.Disposed.Task.WaitAsync(TimeSpan.FromSeconds(15), Ct);
        }
        finally
        {
            factory.Watch.StallAfterFirstRead = false;
        }
        Assert.Equal(before + 1, Assert.Single(factory.Watch.DownloadsRecordedAtOpen));
    }

    private async Task<int> AllDownloadsAsync()
    {
        await using var db = await factory.DbFactory.CreateDbContextAsync(Ct);
        return await db.Activities.CountAsync(a => a.Action == SupportedActions.AttachmentDownload, Ct);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, AuditLogBulkExportJob job, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/download/{job.AttachmentId}");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return await client.SendAsync(request, Ct);
    }
}
