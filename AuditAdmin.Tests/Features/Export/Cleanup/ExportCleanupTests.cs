using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Export.Cleanup;
using AuditAdmin.Core.Features.Export.Pipeline;
using AuditAdmin.Core.Features.Export;
using AuditAdmin.Core.Features.Maintenance;
using AuditAdmin.Core.Features.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AuditAdmin.Tests.Features.Export.Cleanup;

public class ExportCleanupTests : IAsyncLifetime
{
    private readonly DatabaseProvider _provider;

    public ExportCleanupTests() : this(DatabaseProvider.Sqlite)
    {
    }

    protected ExportCleanupTests(DatabaseProvider provider) => _provider = provider;

    private ExportTestHost _host = default!;
    private ExportPipeline _pipeline = default!;

    public async ValueTask InitializeAsync()
    {
        _host = await ExportTestHost.CreateAsync(_provider);
        _pipeline = new ExportPipeline(_host, await _host.CreateUserAsync("admin"));
        await ActivitySeed.InsertAsync(_host.DbFactory, ActivitySeed.Rows(12));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_ShouldRemoveExpiredFailedAndDownloadExpiredJobs_AndKeepTheOthers()
    {
        var expiredRunning = await _pipeline.RequestAsync(new ExportFilters { Usernames = ["alice"] });
        var freshRunning = await _pipeline.RequestAsync(new ExportFilters { Usernames = ["bob"] });
        var oldCompleted = await CompletedAsync(new ExportFilters { Usernames = ["carol"] }, completedDaysAgo: 4);
        var freshCompleted = await CompletedAsync(new ExportFilters { Actions = [SupportedActions.PageCreate] }, completedDaysAgo: 1);
        var failed = await _pipeline.RequestAsync(new ExportFilters { Usernames = ["nobody"] });
        await _pipeline.RunAsync(failed);
        await SetAsync(expiredRunning, createdAt: DateTime.UtcNow.AddDays(-2));
        Directory.CreateDirectory(_pipeline.WorkFolder(expiredRunning));
        var oldZip = await StoredPathAsync(oldCompleted);

        var result = await _host.Get<ExportCleanup>().RunAsync(Ct);

        Assert.Equal((1, 1, 1, 0), (result.Expired, result.DownloadExpired, result.Failed, result.Errors));
        var remaining = await _host.QueryAsync(db => db.AuditLogBulkExportJobs.Select(j => j.Id));
        Assert.Equal(new[] { freshRunning, freshCompleted }.Order(), remaining.Order());
        Assert.False(File.Exists(oldZip));
        Assert.True(File.Exists(await StoredPathAsync(freshCompleted)));
        Assert.Single(await _host.QueryAsync(db => db.Attachments));
        Assert.False(Directory.Exists(_pipeline.WorkFolder(expiredRunning)));
        Assert.Contains((SupportedActions.AuditLogBulkExportJobExpired, expiredRunning.ToString()), await _host.NotificationsAsync(_pipeline.Owner.Id));

        var run = (await _host.QueryAsync(db => db.MaintenanceRuns.Where(r => r.Name == MaintenanceTasks.ExportCleanup))).Single();
        Assert.Equal(3, run.LastAffectedCount);
        Assert.Null(run.LastError);
        Assert.True(run.LastRunAt > DateTime.UtcNow.AddMinutes(-1));
    }

    [Fact]
    public async Task Run_ShouldRecordEachRemoval_AsTheOwnersActivityTargetingTheJob_WithItsReason()
    {
        var oldCompleted = await CompletedAsync(new ExportFilters { Usernames = ["carol"] }, completedDaysAgo: 4);
        var attachmentId = (await _host.JobAsync(oldCompleted)).AttachmentId;
        var failed = await _pipeline.RequestAsync(new ExportFilters { Usernames = ["nobody"] });
        await _pipeline.RunAsync(failed);

        await _host.Get<ExportCleanup>().RunAsync(Ct);

        var removals = await _host.QueryAsync(db => db.Activities.Where(a => a.Action == SupportedActions.AuditLogBulkExportRemoved));
        Assert.Equal(2, removals.Count);
        Assert.All(removals, r => Assert.Equal((_pipeline.Owner.Id, "AuditLogBulkExportJob"), (r.UserId, r.TargetModel)));
        var completedRemoval = Assert.Single(removals, r => r.Target == oldCompleted.ToString());
        Assert.Contains("\"reason\":\"download_expired\"", completedRemoval.Snapshot, StringComparison.Ordinal);
        Assert.Contains($"\"attachmentId\":\"{attachmentId}\"", completedRemoval.Snapshot, StringComparison.Ordinal);
        Assert.Contains("\"reason\":\"failed\"", Assert.Single(removals, r => r.Target == failed.ToString()).Snapshot, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ShouldKeepASharedZip_WhileAnotherValidJobUsesIt()
    {
        var old = await CompletedAsync(new ExportFilters { Usernames = ["alice"] }, completedDaysAgo: 4);
        var fresh = await CompletedAsync(new ExportFilters { Usernames = ["bob"] }, completedDaysAgo: 0);
        var oldAttachment = (await _host.JobAsync(old)).AttachmentId;
        await _host.ExecuteAsync(db => db.AuditLogBulkExportJobs.Where(j => j.Id == fresh)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.AttachmentId, oldAttachment), Ct));

        var result = await _host.Get<ExportCleanup>().RunAsync(Ct);

        Assert.Equal(1, result.DownloadExpired);
        Assert.True(File.Exists(await StoredPathAsync(fresh)));
        Assert.Contains(await _host.QueryAsync(db => db.Attachments.Select(a => a.Id)), id => id == oldAttachment);
    }

    [Fact]
    public async Task Run_ShouldCleanUpTheOtherJobs_WhenOneJobCannotBeCleanedUp()
    {
        var broken = await CompletedAsync(new ExportFilters { Usernames = ["alice"] }, completedDaysAgo: 5);
        var fine = await CompletedAsync(new ExportFilters { Usernames = ["bob"] }, completedDaysAgo: 4);
        // The broken job's stored file name can no longer be used as a storage key.
        await _host.ExecuteAsync(async db =>
        {
            var attachmentId = (await db.AuditLogBulkExportJobs.SingleAsync(j => j.Id == broken, Ct)).AttachmentId;
            await db.Attachments.Where(a => a.Id == attachmentId).ExecuteUpdateAsync(s => s.SetProperty(a => a.FileName, "../escape.zip"), Ct);
        });

        var result = await _host.Get<ExportCleanup>().RunAsync(Ct);

        Assert.Equal((1, 1), (result.DownloadExpired, result.Errors));
        Assert.Equal([broken], await _host.QueryAsync(db => db.AuditLogBulkExportJobs.Select(j => j.Id)));
        Assert.DoesNotContain(fine, await _host.QueryAsync(db => db.AuditLogBulkExportJobs.Select(j => j.Id)));
        var run = (await _host.QueryAsync(db => db.MaintenanceRuns.Where(r => r.Name == MaintenanceTasks.ExportCleanup))).Single();
        Assert.NotNull(run.LastError);
    }

    [Fact]
    public async Task Run_ShouldDeleteWorkFoldersThatNoJobOwns()
    {
        var running = await _pipeline.RequestAsync();
        Directory.CreateDirectory(_pipeline.WorkFolder(running));
        var orphan = _pipeline.WorkFolder(Guid.CreateVersion7());
        Directory.CreateDirectory(orphan);

        var result = await _host.Get<ExportCleanup>().RunAsync(Ct);

        Assert.Equal(1, result.OrphanFolders);
        Assert.False(Directory.Exists(orphan));
        Assert.True(Directory.Exists(_pipeline.WorkFolder(running)));
    }

    [Fact]
    public async Task Run_ShouldRemoveAStoredZipWithoutAttachment_OnceOlderThanTheJobExpiry()
    {
        var orphan = await StoreZipAsync(writtenAgo: TimeSpan.FromSeconds(86_400 + 60));

        var result = await _host.Get<ExportCleanup>().RunAsync(Ct);

        Assert.Equal((1, 0), (result.OrphanZips, result.Errors));
        Assert.False(File.Exists(orphan));
        var key = $"{ZipUploader.StoragePrefix}/{Path.GetFileName(orphan)}";
        Assert.Contains(_host.Logs.Entries, l => l.Level == LogLevel.Information && l.Category == typeof(ExportCleanup).FullName
            && l.Message.Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_ShouldKeepAStoredZipWithoutAttachment_WhileYoungerThanTheJobExpiry()
    {
        // An export may be between storing its zip and recording the attachment.
        var young = await StoreZipAsync(writtenAgo: TimeSpan.FromSeconds(86_400 - 600));
        var old = await StoreZipAsync(writtenAgo: TimeSpan.FromDays(2));

        var result = await _host.Get<ExportCleanup>().RunAsync(Ct);

        Assert.Equal(1, result.OrphanZips);
        Assert.True(File.Exists(young));
        Assert.False(File.Exists(old));
    }

    [Fact]
    public async Task Run_ShouldKeepAnOldStoredZip_WhoseAttachmentExists()
    {
        var completed = await CompletedAsync(new ExportFilters { Usernames = ["alice"] }, completedDaysAgo: 0);
        var zip = await StoredPathAsync(completed);
        File.SetLastWriteTimeUtc(zip, DateTime.UtcNow.AddDays(-2));
        var orphan = await StoreZipAsync(writtenAgo: TimeSpan.FromDays(2));

        var result = await _host.Get<ExportCleanup>().RunAsync(Ct);

        Assert.Equal((1, 0, 0), (result.OrphanZips, result.DownloadExpired, result.Errors));
        Assert.True(File.Exists(zip));
        Assert.False(File.Exists(orphan));
        Assert.Single(await _host.QueryAsync(db => db.Attachments));
    }

    [Fact]
    public async Task Sweep_ShouldExpireOverdueJobsOnly()
    {
        var overdue = await _pipeline.RequestAsync(new ExportFilters { Usernames = ["alice"] });
        var young = await _pipeline.RequestAsync(new ExportFilters { Usernames = ["bob"] });
        await SetAsync(overdue, createdAt: DateTime.UtcNow.AddSeconds(-86_401));

        var (expired, errors) = await _host.Get<ExportExpiry>().ExpireOverdueAsync(Ct);

        Assert.Equal((1, 0), (expired, errors));
        Assert.Equal([young], await _host.QueryAsync(db => db.AuditLogBulkExportJobs.Select(j => j.Id)));
    }

    private async Task<Guid> CompletedAsync(ExportFilters filters, int completedDaysAgo)
    {
        var jobId = await _pipeline.RequestAsync(filters);
        await _pipeline.RunAsync(jobId);
        Assert.Equal(ExportStatus.Completed, (await _host.JobAsync(jobId)).Status);
        await _host.ExecuteAsync(db => db.AuditLogBulkExportJobs.Where(j => j.Id == jobId)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.CompletedAt, DateTime.UtcNow.AddDays(-completedDaysAgo)), Ct));
        return jobId;
    }

    /// <summary>A zip committed to storage as the uploader does, but without an attachment row (a crash in between).</summary>
    private async Task<string> StoreZipAsync(TimeSpan writtenAgo)
    {
        var storage = (LocalFileStorage)_host.Get<IFileStorage>();
        var key = $"{ZipUploader.StoragePrefix}/{Guid.CreateVersion7():N}.zip";
        await using (var write = await storage.OpenWriteAsync(key, Ct))
        {
            await write.Stream.WriteAsync("PK"u8.ToArray(), Ct);
            await write.CommitAsync(Ct);
        }
        var path = storage.PathOf(key);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - writtenAgo);
        return path;
    }

    [Fact]
    public async Task Run_ShouldExpireAJobStillUploading_RemovingItsFilesAndTellingItsOwner()
    {
        // A run that died after the export, while zipping: the job sits in uploading with its files on disk.
        var jobId = await _pipeline.RequestAsync();
        await _host.Get<ExportingStage>().RunAsync(await _host.JobAsync(jobId), zip: null, Ct);
        Assert.True(await _host.Get<ExportJobTransitions>().MarkUploadingAsync(jobId, Ct));
        await SetAsync(jobId, createdAt: DateTime.UtcNow.AddDays(-2));
        Assert.NotEmpty(Directory.GetFiles(_pipeline.WorkFolder(jobId)));

        var result = await _host.Get<ExportCleanup>().RunAsync(Ct);

        Assert.Equal(1, result.Expired);
        Assert.Empty(await _host.QueryAsync(db => db.AuditLogBulkExportJobs.Where(j => j.Id == jobId)));
        Assert.False(Directory.Exists(_pipeline.WorkFolder(jobId)));
        Assert.Empty(await _host.QueryAsync(db => db.Attachments));
        Assert.Equal([(SupportedActions.AuditLogBulkExportJobExpired, jobId.ToString())], await _host.NotificationsAsync(_pipeline.Owner.Id));
    }

    private Task SetAsync(Guid jobId, DateTime createdAt) =>
        _host.ExecuteAsync(db => db.AuditLogBulkExportJobs.Where(j => j.Id == jobId)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.CreatedAt, createdAt), Ct));

    private async Task<string> StoredPathAsync(Guid jobId)
    {
        var job = await _host.JobAsync(jobId);
        var attachment = (await _host.QueryAsync(db => db.Attachments.Where(a => a.Id == job.AttachmentId))).Single();
        return ((LocalFileStorage)_host.Get<IFileStorage>()).PathOf(attachment.FileName);
    }
}

[Trait(TestDatabase.Trait, nameof(DatabaseProvider.PostgreSql))]
public sealed class PostgreSqlExportCleanupTests() : ExportCleanupTests(DatabaseProvider.PostgreSql);
