using System.Text.Json;
using System.Text.RegularExpressions;
using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Export;
using AuditAdmin.Core.Features.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Tests.Features.Export.Pipeline;

/// <summary>The pipeline end to end (exporting → uploading → completed | failed) on a real database, MaxLogsPerFile = 10.</summary>
public class ExportRunnerTests : IAsyncLifetime
{
    private readonly DatabaseProvider _provider;

    public ExportRunnerTests() : this(DatabaseProvider.Sqlite)
    {
    }

    protected ExportRunnerTests(DatabaseProvider provider) => _provider = provider;

    private ExportTestHost _host = default!;
    private ExportPipeline _pipeline = default!;
    private List<Activity> _seeded = default!;

    public async ValueTask InitializeAsync()
    {
        _host = await ExportTestHost.CreateAsync(_provider);
        _pipeline = new ExportPipeline(_host, await _host.CreateUserAsync("admin"));
        await ActivitySeed.InsertAsync(_host.DbFactory, ActivitySeed.Rows(25));
        _seeded = await _host.QueryAsync(db => db.Activities.OrderBy(a => a.Id));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Run_ShouldZipFilesOfAtMostMaxLogsPerFile_WithEveryRecordOnce_WhenThereIsNoFilter()
    {
        var jobId = await _pipeline.RequestAsync();

        await _pipeline.RunAsync(jobId);

        var job = await _host.JobAsync(jobId);
        Assert.Equal(ExportStatus.Completed, job.Status);
        Assert.NotNull(job.CompletedAt);
        Assert.Equal(25, job.TotalExportedCount);
        Assert.Equal(_seeded[^1].Id, job.LastExportedId);
        var zip = await _pipeline.ZipAsync(jobId);
        Assert.Equal([$"audit-logs-{jobId}-00.json", $"audit-logs-{jobId}-01.json", $"audit-logs-{jobId}-02.json"], zip.EntryNames);
        Assert.Equal([10, 10, 5], zip.Files.Select(f => f.Count));
        Assert.Equal(_seeded.Select(a => a.Id), zip.Ids);
        Assert.False(Directory.Exists(_pipeline.WorkFolder(jobId)));

        var attachment = (await _host.QueryAsync(db => db.Attachments)).Single();
        Assert.Equal(job.AttachmentId, attachment.Id);
        Assert.Equal(_pipeline.Owner.Id, attachment.CreatorId);
        Assert.Equal($"audit-logs-{job.FilterHash}.zip", attachment.OriginalName);
        Assert.Equal("zip", attachment.FileFormat);
        Assert.Equal(AttachmentTypes.AuditLogBulkExport, attachment.AttachmentType);
        var stored = ((LocalFileStorage)_host.Get<IFileStorage>()).PathOf(attachment.FileName);
        Assert.Equal(new FileInfo(stored).Length, attachment.FileSize);

        Assert.Equal([(SupportedActions.AuditLogBulkExportCompleted, jobId.ToString())], await _host.NotificationsAsync(_pipeline.Owner.Id));
        var activity = Assert.Single(await _host.ActivitiesWithActionAsync(SupportedActions.AuditLogBulkExportCompleted));
        Assert.Equal(_pipeline.Owner.Id, activity.UserId);
        Assert.Equal(jobId.ToString(), activity.Target);
    }

    [Fact]
    public async Task ANoticeThatCannotBeSaved_ShouldLeaveTheJobUnfinished_AndTheNextRunShouldFinishItWithOneNotice()
    {
        var jobId = await _pipeline.RequestAsync();
        // The database refuses notifications for a while: completion and its notice stand or fall together.
        await _host.ExecuteAsync(db => db.Database.ExecuteSqlRawAsync(_provider == DatabaseProvider.PostgreSql
            ? """
              CREATE FUNCTION refuse_notice() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'notices refused'; END $$ LANGUAGE plpgsql;
              CREATE TRIGGER refuse_notice BEFORE INSERT ON "InAppNotifications" FOR EACH ROW EXECUTE FUNCTION refuse_notice();
              """
            : "CREATE TRIGGER refuse_notice BEFORE INSERT ON InAppNotifications BEGIN SELECT RAISE(ABORT, 'notices refused'); END;",
            TestContext.Current.CancellationToken));

        await Assert.ThrowsAnyAsync<Exception>(() => _pipeline.RunAsync(jobId));

        var stuck = await _host.JobAsync(jobId);
        Assert.True(ExportStatus.IsInProgress(stuck.Status), stuck.Status);
        Assert.Empty(await _host.QueryAsync(db => db.Attachments));
        Assert.Empty(await _host.ActivitiesWithActionAsync(SupportedActions.AuditLogBulkExportCompleted));
        Assert.Empty(await _host.ActivitiesWithActionAsync(SupportedActions.AuditLogBulkExportFailed));

        await _host.ExecuteAsync(db => db.Database.ExecuteSqlRawAsync(_provider == DatabaseProvider.PostgreSql
            ? "DROP TRIGGER refuse_notice ON \"InAppNotifications\""
            : "DROP TRIGGER refuse_notice", TestContext.Current.CancellationToken));
        await _pipeline.RunAsync(jobId);

        Assert.Equal(ExportStatus.Completed, (await _host.JobAsync(jobId)).Status);
        Assert.Equal([(SupportedActions.AuditLogBulkExportCompleted, jobId.ToString())], await _host.NotificationsAsync(_pipeline.Owner.Id));
        Assert.Single(await _host.ActivitiesWithActionAsync(SupportedActions.AuditLogBulkExportCompleted));
        Assert.Single(await _host.QueryAsync(db => db.Attachments));
    }

    [Fact]
    public async Task ACancelledJob_ShouldNotBeRun_LeaveNoFilesNoZip_AndBeAnnouncedOnce()
    {
        var jobId = await _pipeline.RequestAsync();
        var job = await _host.JobAsync(jobId);
        // A run that starts (or reads the job again between files) after the cancel gives way.
        Assert.Equal(AuditAdmin.Core.Features.Export.Request.ExportCancelResult.Cancelled,
            await _host.Get<AuditAdmin.Core.Features.Export.Request.ExportCancellation>().CancelAsync(_pipeline.Owner.Id, jobId, CancellationToken.None));

        await _pipeline.RunAsync(jobId);

        var ended = await _host.JobAsync(jobId);
        Assert.Equal(ExportStatus.Cancelled, ended.Status);
        Assert.Equal(job.AsOfActivityId, ended.AsOfActivityId);
        Assert.False(Directory.Exists(_pipeline.WorkFolder(jobId)));
        Assert.Empty(await _host.QueryAsync(db => db.Attachments));
        Assert.Equal([(SupportedActions.AuditLogBulkExportCancelled, jobId.ToString())], await _host.NotificationsAsync(_pipeline.Owner.Id));
        Assert.Single(await _host.ActivitiesWithActionAsync(SupportedActions.AuditLogBulkExportCancelled));
    }

    [Fact]
    public async Task Run_ShouldWriteGrowiRecordFieldsWithAnObjectSnapshotAndUtcDates()
    {
        await ActivitySeed.InsertAsync(_host.DbFactory, [new Activity
        {
            Action = SupportedActions.AttachmentDownload,
            UserId = null,
            Username = "ゲスト \"quoted\"",
            Ip = "::1",
            Endpoint = "/download/x?y=1&z=<2>",
            TargetModel = "Attachment",
            Target = "a1",
            EventModel = "Comment",
            Event = "c1",
            Snapshot = """{"username":"ゲスト","fileSize":"12"}""",
            CreatedAt = new DateTime(2026, 1, 31, 23, 59, 59, DateTimeKind.Utc).AddTicks(1234567),
        }]);
        var jobId = await _pipeline.RequestAsync(new ExportFilters { Actions = [SupportedActions.AttachmentDownload] });

        await _pipeline.RunAsync(jobId);

        var record = Assert.Single((await _pipeline.ZipAsync(jobId)).Records);
        // GROWI's fields in GROWI's order, then where the row came from (no ingestedBy: AuditAdmin recorded it itself).
        Assert.Equal(["_id", "user", "username", "ip", "endpoint", "targetModel", "target", "eventModel", "event", "action", "snapshot", "createdAt",
            "source"], record.EnumerateObject().Select(p => p.Name));
        Assert.Equal("app", record.GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Null, record.GetProperty("user").ValueKind);
        Assert.Equal("ゲスト \"quoted\"", record.GetProperty("username").GetString());
        Assert.Equal("/download/x?y=1&z=<2>", record.GetProperty("endpoint").GetString());
        Assert.Equal("Comment", record.GetProperty("eventModel").GetString());
        Assert.Equal("c1", record.GetProperty("event").GetString());
        Assert.Equal("ゲスト", record.GetProperty("snapshot").GetProperty("username").GetString());
        // PostgreSQL keeps microseconds: the same text, with the 100 ns digit it could not store as 0.
        Assert.Equal(_provider == DatabaseProvider.PostgreSql ? "2026-01-31T23:59:59.1234560Z" : "2026-01-31T23:59:59.1234567Z",
            record.GetProperty("createdAt").GetString());
    }

    public static TheoryData<string> FilterKinds => ["usernames", "actions", "dateFrom", "dateTo", "dateRange", "all"];

    [Theory]
    [MemberData(nameof(FilterKinds))]
    public async Task Run_ShouldExportExactlyTheMatchingRecords_ForEachFilterKind(string kind)
    {
        var from = ActivitySeed.Start.AddMinutes(5);
        var to = ActivitySeed.Start.AddMinutes(17);
        var (filters, expected) = kind switch
        {
            "usernames" => (new ExportFilters { Usernames = ["bob", "carol"] }, _seeded.Where(a => a.Username is "bob" or "carol")),
            "actions" => (new ExportFilters { Actions = [SupportedActions.PageDelete] }, _seeded.Where(a => a.Action == SupportedActions.PageDelete)),
            "dateFrom" => (new ExportFilters { DateFrom = from }, _seeded.Where(a => a.CreatedAt >= from)),
            "dateTo" => (new ExportFilters { DateTo = to }, _seeded.Where(a => a.CreatedAt <= to)),
            "dateRange" => (new ExportFilters { DateFrom = from, DateTo = to }, _seeded.Where(a => a.CreatedAt >= from && a.CreatedAt <= to)),
            _ => (new ExportFilters { Usernames = ["alice"], Actions = [SupportedActions.PageCreate, SupportedActions.UserLoginWithLocal], DateFrom = from },
                _seeded.Where(a => a.Username == "alice" && a.Action is SupportedActions.PageCreate or SupportedActions.UserLoginWithLocal && a.CreatedAt >= from)),
        };
        var expectedIds = expected.Select(a => a.Id).ToList();
        Assert.NotEmpty(expectedIds);
        Assert.NotEqual(_seeded.Count, expectedIds.Count);
        var jobId = await _pipeline.RequestAsync(filters);

        await _pipeline.RunAsync(jobId);

        Assert.Equal(expectedIds, (await _pipeline.ZipAsync(jobId)).Ids);
        Assert.Equal(expectedIds.Count, (await _host.JobAsync(jobId)).TotalExportedCount);
    }

    [Theory]
    [InlineData("nobody")]
    [InlineData("Alice")]
    public async Task Run_ShouldExportNothingAndEndFailedWithNoResults_WhenTheUsernameIsUnknown(string username)
    {
        var jobId = await _pipeline.RequestAsync(new ExportFilters { Usernames = [username] });

        await _pipeline.RunAsync(jobId);

        await AssertNoResultsAsync(jobId);
    }

    [Fact]
    public async Task Run_ShouldNotifyNoResultsAndEndFailed_WhenNothingMatches()
    {
        var jobId = await _pipeline.RequestAsync(new ExportFilters { DateFrom = ActivitySeed.Start.AddYears(1) });

        await _pipeline.RunAsync(jobId);

        await AssertNoResultsAsync(jobId);
        Assert.Single(await _host.ActivitiesWithActionAsync(SupportedActions.AuditLogBulkExportNoResults));
    }

    [Fact]
    public async Task Run_ShouldMoveThroughExportingUploadingCompleted_AndPublishEachChange()
    {
        var statuses = new List<string>();
        using var watch = _pipeline.WatchStatuses(null, statuses);

        var jobId = await _pipeline.RequestAsync();
        await _pipeline.RunAsync(jobId);

        Assert.Equal([ExportStatus.Exporting, ExportStatus.Uploading, ExportStatus.Completed], statuses);
    }

    [Fact]
    public async Task Run_ShouldEndFailedCleanedUpAndNotified_WhenTheUploadFails()
    {
        var blocker = Path.Combine(Path.GetTempPath(), "auditadmin-tests", $"not-a-folder-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(blocker, "storage root is a file", TestContext.Current.CancellationToken);
        await using var host = await ExportTestHost.CreateAsync(_provider, ("Storage:Local:Root", blocker));
        var pipeline = new ExportPipeline(host, await host.CreateUserAsync("admin"));
        await ActivitySeed.InsertAsync(host.DbFactory, ActivitySeed.Rows(15));
        var jobId = await pipeline.RequestAsync();

        await pipeline.RunAsync(jobId);

        var job = await host.JobAsync(jobId);
        Assert.Equal(ExportStatus.Failed, job.Status);
        Assert.Null(job.AttachmentId);
        Assert.Empty(await host.QueryAsync(db => db.Attachments));
        Assert.False(Directory.Exists(pipeline.WorkFolder(jobId)));
        Assert.Equal([(SupportedActions.AuditLogBulkExportFailed, jobId.ToString())], await host.NotificationsAsync(pipeline.Owner.Id));
        Assert.Single(await host.ActivitiesWithActionAsync(SupportedActions.AuditLogBulkExportFailed));
        File.Delete(blocker);
    }

    [Fact]
    public async Task Run_ShouldExpireTheJob_WhenItIsOlderThanTheJobExpiration()
    {
        var jobId = await _pipeline.RequestAsync();
        Directory.CreateDirectory(_pipeline.WorkFolder(jobId));
        await _host.ExecuteAsync(db => db.AuditLogBulkExportJobs.Where(j => j.Id == jobId)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.CreatedAt, DateTime.UtcNow.AddDays(-2))));

        await _pipeline.RunAsync(jobId);

        Assert.Empty(await _host.QueryAsync(db => db.AuditLogBulkExportJobs));
        Assert.False(Directory.Exists(_pipeline.WorkFolder(jobId)));
        Assert.Equal([(SupportedActions.AuditLogBulkExportJobExpired, jobId.ToString())], await _host.NotificationsAsync(_pipeline.Owner.Id));
        Assert.Single(await _host.ActivitiesWithActionAsync(SupportedActions.AuditLogBulkExportJobExpired));
    }

    private async Task AssertNoResultsAsync(Guid jobId)
    {
        var job = await _host.JobAsync(jobId);
        Assert.Equal(ExportStatus.Failed, job.Status);
        Assert.Equal(0, job.TotalExportedCount);
        Assert.Null(job.AttachmentId);
        Assert.Empty(await _host.QueryAsync(db => db.Attachments));
        Assert.False(Directory.Exists(_pipeline.WorkFolder(jobId)));
        Assert.Equal([(SupportedActions.AuditLogBulkExportNoResults, jobId.ToString())], await _host.NotificationsAsync(_pipeline.Owner.Id));
    }

    internal static bool IsExportFileName(string name) => Regex.IsMatch(name, "^audit-logs-[0-9a-f-]{36}-[0-9]{2,}\\.json$");
}

[Trait(TestDatabase.Trait, nameof(DatabaseProvider.PostgreSql))]
public sealed class PostgreSqlExportRunnerTests() : ExportRunnerTests(DatabaseProvider.PostgreSql);
