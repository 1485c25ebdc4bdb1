using AuditAdmin.Core.Features.Export;

namespace AuditAdmin.Tests.Features.Export;

/// <summary>The job's EstimatedTotal: the export's own count, taken with its as-of boundary, the total its progress runs to.</summary>
public sealed class ExportProgressTests : IAsyncLifetime
{
    private ExportTestHost _host = default!;
    private ExportPipeline _pipeline = default!;

    public async ValueTask InitializeAsync()
    {
        _host = await ExportTestHost.CreateAsync();
        _pipeline = new ExportPipeline(_host, await _host.CreateUserAsync("admin"));
        await ActivitySeed.InsertAsync(_host.DbFactory, ActivitySeed.Rows(25));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task EstimatedTotal_ShouldBeCountedWithTheBoundary_AndBeWhatTheExportHolds()
    {
        var filters = new ExportFilters { Usernames = ["alice", "bob"] };

        var jobId = await _pipeline.RequestAsync(filters);
        var requested = await _host.JobAsync(jobId);
        // Recorded after the boundary: not in this export, nor in its total.
        await ActivitySeed.InsertAsync(_host.DbFactory, ActivitySeed.Rows(5));
        await _pipeline.RunAsync(jobId);

        var done = await _host.JobAsync(jobId);
        Assert.Equal(17, requested.EstimatedTotal);
        Assert.Equal(0, requested.TotalExportedCount);
        Assert.Equal(ExportStatus.Completed, done.Status);
        Assert.Equal(done.EstimatedTotal, done.TotalExportedCount);
        Assert.Equal(17, (await _pipeline.ZipAsync(jobId)).Ids.Count);
    }

    [Fact]
    public async Task EstimatedTotal_ShouldBeCountedAgain_WhenARestartMovesTheBoundary()
    {
        var jobId = await _pipeline.RequestAsync(new ExportFilters { Usernames = ["carol"] });
        Assert.Equal(8, (await _host.JobAsync(jobId)).EstimatedTotal);
        await ActivitySeed.InsertAsync(_host.DbFactory, ActivitySeed.Rows(3, usernames: ["carol"]));

        var restart = await _host.Get<ExportService>().RequestAsync(_pipeline.Owner.Id, new ExportFilters { Usernames = ["carol"] }, true,
            CancellationToken.None);
        await _pipeline.RunAsync(jobId);

        Assert.True(Assert.IsType<ExportRequestResult.Accepted>(restart).Restarted);
        var done = await _host.JobAsync(jobId);
        Assert.Equal(11, done.EstimatedTotal);
        Assert.Equal(11, done.TotalExportedCount);
    }
}
