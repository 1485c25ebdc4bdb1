using AuditAdmin.Core.Features.Export;
using AuditAdmin.Core.Features.Export.Pipeline;
using AuditAdmin.Core.Features.Export.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AuditAdmin.Tests.Features.Export.Pipeline;

/// <summary>GROWI's export checker does nothing while the audit log is disabled: jobs wait at their cursor, then go on.</summary>
public sealed class ExportPauseTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ExportTestHost _host = default!;
    private ExportPipeline _pipeline = default!;
    private List<long> _ids = default!;

    public async ValueTask InitializeAsync()
    {
        _host = await ExportTestHost.CreateAsync();
        _pipeline = new ExportPipeline(_host, await _host.CreateUserAsync("admin"));
        await ActivitySeed.InsertAsync(_host.DbFactory, ActivitySeed.Rows(25));
        _ids = (await _host.QueryAsync(db => db.Activities.OrderBy(a => a.Id))).Select(a => a.Id).ToList();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task ARunWhileDisabled_ShouldLeaveTheJobAlone_AndARunOnceEnabled_ShouldExportEverything()
    {
        var jobId = await _pipeline.RequestAsync();
        SetEnabled(false);

        await _pipeline.RunAsync(jobId);

        var waiting = await _host.JobAsync(jobId);
        Assert.Equal((ExportStatus.Exporting, 0L, 0), (waiting.Status, waiting.TotalExportedCount, waiting.ExportedFileCount));
        Assert.Empty(await _host.NotificationsAsync(_pipeline.Owner.Id));

        SetEnabled(true);
        await _pipeline.RunAsync(jobId);

        Assert.Equal(ExportStatus.Completed, (await _host.JobAsync(jobId)).Status);
        Assert.Equal(_ids, (await _pipeline.ZipAsync(jobId)).Ids);
    }

    [Fact]
    public async Task DisablingDuringTheExport_ShouldStopAtTheNextFile_AndTheResumeShouldContinueFromThere()
    {
        var jobId = await _pipeline.RequestAsync();
        var job = await _host.JobAsync(jobId);
        SetEnabled(false);

        // The stage looks at the setting after each finished file (the runner would not even start it now).
        var outcome = await _host.Get<ExportingStage>().RunAsync(job, zip: null, Ct);

        Assert.Equal(ExportingOutcome.Paused, outcome);
        var paused = await _host.JobAsync(jobId);
        Assert.Equal((ExportStatus.Exporting, 10L, 1, _ids[9]), (paused.Status, paused.TotalExportedCount, paused.ExportedFileCount, paused.LastExportedId));

        SetEnabled(true);
        await _pipeline.RunAsync(jobId);

        var zip = await _pipeline.ZipAsync(jobId);
        Assert.Equal(_ids, zip.Ids);
        Assert.Equal([10, 10, 5], zip.Files.Select(f => f.Count));
    }

    [Fact]
    public async Task TheDispatcher_ShouldStartNothingWhileDisabled_AndTheWaitingJobOnceEnabled()
    {
        await _pipeline.RequestAsync();
        SetEnabled(false);

        Assert.Equal(0, await _host.Get<ExportDispatcher>().DispatchWaitingAsync(except: null, Ct));
        SetEnabled(true);
        Assert.Equal(1, await _host.Get<ExportDispatcher>().DispatchWaitingAsync(except: null, Ct));
    }

    private void SetEnabled(bool enabled)
    {
        var configuration = (IConfigurationRoot)_host.Services.GetRequiredService<IConfiguration>();
        configuration["AuditLog:Enabled"] = enabled ? "true" : "false";
        configuration.Reload();
    }
}
