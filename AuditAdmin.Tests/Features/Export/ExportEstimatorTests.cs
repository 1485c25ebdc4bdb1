using System.IO.Compression;
using AuditAdmin.Core.Features.Export;
using AuditAdmin.Core.Features.Storage;

namespace AuditAdmin.Tests.Features.Export;

/// <summary>The pre-flight estimate against real exports of the same rows (SQLite, real migrations, cap 100).</summary>
public sealed class ExportEstimatorTests : IAsyncLifetime
{
    private const int Cap = 100;
    private ExportTestHost _host = default!;
    private ExportPipeline _pipeline = default!;

    public async ValueTask InitializeAsync()
    {
        _host = await ExportTestHost.CreateAsync(("Export:EstimateCountCap", Cap.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Export:MaxLogsPerFile", "40"));
        _pipeline = new ExportPipeline(_host, await _host.CreateUserAsync("admin"));
        await ActivitySeed.InsertAsync(_host.DbFactory, ActivitySeed.Rows(150));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private Task<ExportEstimate> EstimateAsync(ExportFilters filters, string format = "json") =>
        _host.Get<ExportEstimator>().EstimateAsync(_pipeline.Owner.Id, filters, format, CancellationToken.None);

    [Fact]
    public async Task Count_ShouldBeExactUpToTheCap()
    {
        var alice = await EstimateAsync(new ExportFilters { Usernames = ["alice"] });
        var exactlyTheCap = await EstimateAsync(new ExportFilters { DateTo = ActivitySeed.Start.AddMinutes(Cap - 1) });

        Assert.Equal(new ExportEstimate(50, false, alice.EstimatedBytes), alice);
        Assert.Equal((Cap, false), (exactlyTheCap.Count, exactlyTheCap.CountIsLowerBound));
    }

    [Fact]
    public async Task Count_ShouldStopAtTheCap_AndSaySo_WhenMoreRecordsMatch()
    {
        var all = await EstimateAsync(new ExportFilters());
        var oneMore = await EstimateAsync(new ExportFilters { DateTo = ActivitySeed.Start.AddMinutes(Cap) });

        Assert.Equal((Cap, true), (all.Count, all.CountIsLowerBound));
        Assert.Equal((Cap, true), (oneMore.Count, oneMore.CountIsLowerBound));
    }

    [Fact]
    public async Task Estimate_ShouldBeZero_WhenNothingMatches()
    {
        Assert.Equal(new ExportEstimate(0, false, 0), await EstimateAsync(new ExportFilters { Usernames = ["nobody"] }));
    }

    [Theory]
    [InlineData("json")]
    [InlineData("ndjson")]
    [InlineData("csv")]
    public async Task EstimatedBytes_ShouldBeCloseToTheSizeOfTheExportedFiles(string format)
    {
        var filters = new ExportFilters { Usernames = ["alice", "bob"] };

        var estimate = await EstimateAsync(filters, format);
        var result = await _host.Get<ExportService>().RequestAsync(_pipeline.Owner.Id, filters, format, false, null, CancellationToken.None);
        var jobId = Assert.IsType<ExportRequestResult.Accepted>(result).JobId;
        await _pipeline.RunAsync(jobId);

        var (records, bytes) = await DataFilesAsync(jobId);
        Assert.Equal(records, estimate.Count);
        Assert.InRange(estimate.EstimatedBytes, bytes * 0.97, bytes * 1.03);
    }

    [Fact]
    public async Task Estimate_ShouldRefuseAnUnknownFormat() =>
        await Assert.ThrowsAsync<ArgumentException>(() => EstimateAsync(new ExportFilters(), "xml"));

    /// <summary>The completed job's record count and the uncompressed size of its data files.</summary>
    private async Task<(long Records, long Bytes)> DataFilesAsync(Guid jobId)
    {
        var job = await _host.JobAsync(jobId);
        Assert.Equal(ExportStatus.Completed, job.Status);
        var attachment = (await _host.QueryAsync(db => db.Attachments.Where(a => a.Id == job.AttachmentId))).Single();
        var stream = await _host.Get<IFileStorage>().OpenReadAsync(attachment.FileName, CancellationToken.None);
        await using var zip = await ZipArchive.CreateAsync(stream!, ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: null);
        var data = zip.Entries.Where(e => e.FullName.StartsWith("audit-logs-", StringComparison.Ordinal)
            && e.FullName.EndsWith("." + job.Format, StringComparison.Ordinal)).ToList();
        Assert.Equal(3, data.Count);
        return (job.TotalExportedCount, data.Sum(e => e.Length));
    }
}
