using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Export.Pipeline;
using AuditAdmin.Core.Features.Export;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Tests.Features.Export.Pipeline;

/// <summary>
/// Crash states of the exporting stage (MaxLogsPerFile = 10, 25 records) and restarts: the finished zip always holds
/// every matching record exactly once. The resume goes by the file count saved with the cursor, not by the files' content.
/// </summary>
public class ExportResumeTests : IAsyncLifetime
{
    private readonly DatabaseProvider _provider;

    public ExportResumeTests() : this(DatabaseProvider.Sqlite)
    {
    }

    protected ExportResumeTests(DatabaseProvider provider) => _provider = provider;

    private ExportTestHost _host = default!;
    private ExportPipeline _pipeline = default!;
    private List<long> _ids = default!;

    public async ValueTask InitializeAsync()
    {
        _host = await ExportTestHost.CreateAsync(_provider);
        _pipeline = new ExportPipeline(_host, await _host.CreateUserAsync("admin"));
        await ActivitySeed.InsertAsync(_host.DbFactory, ActivitySeed.Rows(25));
        _ids = await _host.QueryAsync(db => db.Activities.OrderBy(a => a.Id).Select(a => a.Id));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ExportingStage_ShouldSaveCursorAndCounts_AndLeaveTheJobExporting()
    {
        var jobId = await _pipeline.RequestAsync();

        var outcome = await _host.Get<ExportingStage>().RunAsync(await _host.JobAsync(jobId), null, Ct);

        Assert.Equal(ExportingOutcome.Exported, outcome);
        var job = await _host.JobAsync(jobId);
        Assert.Equal(ExportStatus.Exporting, job.Status);
        Assert.Equal(_ids[^1], job.LastExportedId);
        Assert.Equal(25, job.TotalExportedCount);
        Assert.Equal(3, job.ExportedFileCount);
        Assert.Equal([0, 1, 2], _host.Get<ExportWorkDirectory>().ListFiles(jobId).Select(f => f.Index));
    }

    [Fact]
    public async Task Run_ShouldContinueAfterTheLastSavedFile_WhenACrashLeftAHalfWrittenOne()
    {
        var jobId = await ExportThenCrashAsync(savedFiles: 2, keepFileBeyondCursor: false);
        MarkFile(jobId, 0);
        await File.WriteAllTextAsync(FilePath(jobId, 2) + ExportWorkDirectory.TempSuffix, "[{\"_id\":", Ct);

        await _pipeline.RunAsync(jobId);

        var zip = await _pipeline.ZipAsync(jobId);
        Assert.Equal(_ids, zip.Ids);
        Assert.Equal(3, zip.EntryNames.Count);
        // File 00 was kept as written before the crash, not exported again.
        Assert.Contains(zip.Files[0], r => r.GetProperty("username").GetString() == "kept-from-before-the-crash");
        Assert.Equal(25, (await _host.JobAsync(jobId)).TotalExportedCount);
    }

    [Fact]
    public async Task Run_ShouldRewriteTheFileBeyondTheCursor_WhenTheCrashCameBetweenRenameAndSave()
    {
        var jobId = await ExportThenCrashAsync(savedFiles: 2, keepFileBeyondCursor: true);
        MarkFile(jobId, 2);

        await _pipeline.RunAsync(jobId);

        var zip = await _pipeline.ZipAsync(jobId);
        Assert.Equal(_ids, zip.Ids);
        Assert.DoesNotContain(zip.Records, r => r.GetProperty("username").GetString() == "kept-from-before-the-crash");
        Assert.Equal(25, (await _host.JobAsync(jobId)).TotalExportedCount);
    }

    [Fact]
    public async Task Run_ShouldStartOver_WhenTheWorkFolderWasLostButTheCursorWasSaved()
    {
        var jobId = await ExportThenCrashAsync(savedFiles: 2, keepFileBeyondCursor: false);
        Directory.Delete(_pipeline.WorkFolder(jobId), recursive: true);

        await _pipeline.RunAsync(jobId);

        Assert.Equal(_ids, (await _pipeline.ZipAsync(jobId)).Ids);
        Assert.Equal(25, (await _host.JobAsync(jobId)).TotalExportedCount);
    }

    [Fact]
    public async Task Run_ShouldStartOver_WhenAFileBelowTheSavedCountIsMissing()
    {
        var jobId = await ExportThenCrashAsync(savedFiles: 2, keepFileBeyondCursor: false);
        MarkFile(jobId, 1);
        File.Delete(FilePath(jobId, 0));

        await _pipeline.RunAsync(jobId);

        var zip = await _pipeline.ZipAsync(jobId);
        Assert.Equal(_ids, zip.Ids);
        Assert.DoesNotContain(zip.Records, r => r.GetProperty("username").GetString() == "kept-from-before-the-crash");
        var job = await _host.JobAsync(jobId);
        Assert.Equal((25L, 3), (job.TotalExportedCount, job.ExportedFileCount));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"Records\":10,\"FirstId\":1,\"LastId\":10}")]
    public async Task Run_ShouldStartOver_WhenAKeptFileHasNoReadableStats(string stats)
    {
        // A machine crash can lose the stats (they are not forced to disk), and a version that did not hash files as
        // it wrote them saved stats without size and SHA-256: neither can go into a manifest.
        var jobId = await ExportThenCrashAsync(savedFiles: 2, keepFileBeyondCursor: false);
        MarkFile(jobId, 0);
        await File.WriteAllTextAsync(ExportFileStats.PathFor(Path.GetDirectoryName(FilePath(jobId, 0))!, 0), stats, Ct);

        await _pipeline.RunAsync(jobId);

        var zip = await _pipeline.ZipAsync(jobId);
        Assert.Equal(_ids, zip.Ids);
        Assert.DoesNotContain(zip.Records, r => r.GetProperty("username").GetString() == "kept-from-before-the-crash");
    }

    [Fact]
    public async Task Run_ShouldStartOver_WhenTheCursorWasSavedWithoutAFileCount()
    {
        // A job saved by a version that kept no file count: its files cannot be matched to the cursor.
        var jobId = await ExportThenCrashAsync(savedFiles: 2, keepFileBeyondCursor: false);
        MarkFile(jobId, 0);
        await _host.ExecuteAsync(db => db.AuditLogBulkExportJobs.Where(j => j.Id == jobId)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.ExportedFileCount, 0), Ct));

        await _pipeline.RunAsync(jobId);

        var zip = await _pipeline.ZipAsync(jobId);
        Assert.Equal(_ids, zip.Ids);
        Assert.Equal(3, zip.EntryNames.Count);
        Assert.DoesNotContain(zip.Records, r => r.GetProperty("username").GetString() == "kept-from-before-the-crash");
    }

    [Fact]
    public async Task Run_ShouldResetCursorAndCountAndStartOver_WhenTheRestartFlagIsSet()
    {
        var jobId = await ExportThenCrashAsync(savedFiles: 2, keepFileBeyondCursor: false);
        MarkFile(jobId, 0);
        await _host.Get<ExportService>().RequestAsync(_pipeline.Owner.Id, new ExportFilters(), restartJob: true, Ct);
        var statuses = new List<string>();
        var counts = new List<long>();
        using var watch = _pipeline.WatchStatuses(jobId, statuses, job =>
        {
            counts.Add(job.TotalExportedCount);
            return Task.CompletedTask;
        });

        await _pipeline.RunAsync(jobId);

        var job = await _host.JobAsync(jobId);
        Assert.Equal(ExportStatus.Completed, job.Status);
        Assert.False(job.RestartFlag);
        // The restart is as of its own request: the first request's activity is in, the restart's is not.
        var expected = await AsOfIdsAsync(job);
        Assert.Equal(_ids.Count + 1, expected.Count);
        Assert.Equal(expected.Count, job.TotalExportedCount);
        Assert.Equal(0, counts[0]);
        var zip = await _pipeline.ZipAsync(jobId);
        Assert.Equal(expected, zip.Ids);
        Assert.DoesNotContain(zip.Records, r => r.GetProperty("username").GetString() == "kept-from-before-the-crash");
    }

    [Fact]
    public async Task Run_ShouldStartOverAndKeepOneZip_WhenARestartIsRequestedWhileUploading()
    {
        var jobId = await _pipeline.RequestAsync();
        var restarts = 0;
        var statuses = new List<string>();
        using var watch = _pipeline.WatchStatuses(jobId, statuses, async job =>
        {
            if (job.Status == ExportStatus.Uploading && restarts++ == 0)
            {
                await _host.Get<ExportService>().RequestAsync(_pipeline.Owner.Id, new ExportFilters(), restartJob: true, Ct);
            }
        });

        await _pipeline.RunAsync(jobId);

        var job = await _host.JobAsync(jobId);
        Assert.Equal(ExportStatus.Completed, job.Status);
        Assert.Equal(await AsOfIdsAsync(job), (await _pipeline.ZipAsync(jobId)).Ids);
        Assert.Single(await _host.QueryAsync(db => db.Attachments));
        var storageRoot = Path.Combine(_host.DataDirectory, "storage");
        Assert.Single(Directory.EnumerateFiles(storageRoot, "*", SearchOption.AllDirectories));
        Assert.Equal([ExportStatus.Uploading, ExportStatus.Exporting, ExportStatus.Uploading, ExportStatus.Completed], statuses);
    }

    [Fact]
    public async Task Run_ShouldZipTheFilesOnDisk_WhenACrashCameDuringTheUpload()
    {
        var jobId = await _pipeline.RequestAsync();
        await _host.Get<ExportingStage>().RunAsync(await _host.JobAsync(jobId), null, Ct);
        Assert.True(await _host.Get<ExportJobTransitions>().MarkUploadingAsync(jobId, Ct));
        // What a killed upload leaves in storage: a half-written temporary zip.
        var storage = Path.Combine(_host.DataDirectory, "storage", "audit-log-bulk-export");
        Directory.CreateDirectory(storage);
        await File.WriteAllTextAsync(Path.Combine(storage, "x.zip.0123.uploading"), "PK", Ct);

        await _pipeline.RunAsync(jobId);

        Assert.Equal(ExportStatus.Completed, (await _host.JobAsync(jobId)).Status);
        Assert.Equal(_ids, (await _pipeline.ZipAsync(jobId)).Ids);
    }

    [Fact]
    public async Task ResetForRestart_ShouldZeroCursorAndCount_AndReturnToExporting()
    {
        var jobId = await _pipeline.RequestAsync();
        await _host.ExecuteAsync(db => db.AuditLogBulkExportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, ExportStatus.Uploading).SetProperty(j => j.LastExportedId, 99L)
            .SetProperty(j => j.TotalExportedCount, 42L).SetProperty(j => j.ExportedFileCount, 5).SetProperty(j => j.RestartFlag, true), Ct));

        Assert.True(await _host.Get<ExportJobTransitions>().ResetForRestartAsync(jobId, Ct));

        var job = await _host.JobAsync(jobId);
        Assert.Equal((ExportStatus.Exporting, 0L, 0L, 0, false),
            (job.Status, job.LastExportedId, job.TotalExportedCount, job.ExportedFileCount, job.RestartFlag));
    }

    /// <summary>Exports everything, then rewinds the job to the state a crash after <paramref name="savedFiles"/> files leaves.</summary>
    private async Task<Guid> ExportThenCrashAsync(int savedFiles, bool keepFileBeyondCursor)
    {
        var jobId = await _pipeline.RequestAsync();
        await _host.Get<ExportingStage>().RunAsync(await _host.JobAsync(jobId), null, Ct);
        var firstUnsaved = keepFileBeyondCursor ? savedFiles + 1 : savedFiles;
        foreach (var (index, path) in _host.Get<ExportWorkDirectory>().ListFiles(jobId).Where(f => f.Index >= firstUnsaved))
        {
            File.Delete(path);
        }
        var cursor = _ids[savedFiles * 10 - 1];
        await _host.ExecuteAsync(db => db.AuditLogBulkExportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.LastExportedId, cursor).SetProperty(j => j.TotalExportedCount, savedFiles * 10L)
            .SetProperty(j => j.ExportedFileCount, savedFiles), Ct));
        return jobId;
    }

    private string FilePath(Guid jobId, int index) => Path.Combine(_pipeline.WorkFolder(jobId), ExportWorkDirectory.FileName(jobId, index, "json"));

    /// <summary>Changes one username in a finished file, to tell afterwards whether the file was kept or rewritten.</summary>
    private void MarkFile(Guid jobId, int index)
    {
        var path = FilePath(jobId, index);
        var text = File.ReadAllText(path);
        var first = text.IndexOf("\"username\":\"", StringComparison.Ordinal) + "\"username\":\"".Length;
        var end = text.IndexOf('"', first);
        File.WriteAllText(path, text[..first] + "kept-from-before-the-crash" + text[end..]);
    }

    /// <summary>Every activity at or below the job's boundary, ascending, checking the boundary leaves the restart's own request out.</summary>
    private async Task<List<long>> AsOfIdsAsync(AuditLogBulkExportJob job)
    {
        var restart = Assert.Single(await _host.QueryAsync(db => db.Activities.Where(a => a.Action == SupportedActions.AuditLogBulkExportRestarted)));
        Assert.True(restart.Id > job.AsOfActivityId);
        return await _host.QueryAsync(db => db.Activities.Where(a => a.Id <= job.AsOfActivityId).OrderBy(a => a.Id).Select(a => a.Id));
    }
}

[Trait(TestDatabase.Trait, nameof(DatabaseProvider.PostgreSql))]
public sealed class PostgreSqlExportResumeTests() : ExportResumeTests(DatabaseProvider.PostgreSql);
