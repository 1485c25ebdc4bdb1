using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Export.Scheduling;
using AuditAdmin.Core.Features.Export;
using AuditAdmin.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace AuditAdmin.Tests.Features.Export;

public class ExportServiceTests : IAsyncLifetime
{
    private readonly DatabaseProvider _provider;

    public ExportServiceTests() : this(DatabaseProvider.Sqlite)
    {
    }

    protected ExportServiceTests(DatabaseProvider provider) => _provider = provider;

    private ExportTestHost _host = default!;
    private AppUser _alice = default!;
    private ExportService _service = default!;

    public async ValueTask InitializeAsync()
    {
        _host = await ExportTestHost.CreateAsync(_provider, ("AuditLog:ActionGroupSize", "LARGE"));
        _alice = await _host.CreateUserAsync("alice");
        _service = _host.Get<ExportService>();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> FilterKinds => ["none", "usernames", "actions", "dateFrom", "dateTo", "all"];

    [Theory]
    [MemberData(nameof(FilterKinds))]
    public async Task RequestAsync_ShouldCreateAnExportingJob_ForEachFilterKind(string kind)
    {
        var filters = kind switch
        {
            "usernames" => new ExportFilters { Usernames = ["bob"] },
            "actions" => new ExportFilters { Actions = [SupportedActions.PageCreate] },
            "dateFrom" => new ExportFilters { DateFrom = ActivitySeed.Start },
            "dateTo" => new ExportFilters { DateTo = ActivitySeed.Start },
            "all" => new ExportFilters
            {
                Usernames = ["bob"], Actions = [SupportedActions.PageCreate], DateFrom = ActivitySeed.Start, DateTo = ActivitySeed.Start.AddDays(1),
            },
            _ => new ExportFilters(),
        };

        var result = Assert.IsType<ExportRequestResult.Accepted>(await _service.RequestAsync(_alice.Id, filters, restartJob: false, Ct));

        Assert.False(result.Restarted);
        Assert.Equal(7, result.JobId.Version);
        var job = await _host.JobAsync(result.JobId);
        Assert.Equal(_alice.Id, job.UserId);
        Assert.Equal(ExportStatus.Exporting, job.Status);
        Assert.Equal("json", job.Format);
        Assert.Equal(0, job.TotalExportedCount);
        Assert.Equal(0, job.LastExportedId);
        Assert.False(job.RestartFlag);
        var canonical = CanonicalExportFilters.From(filters);
        Assert.Equal(canonical.Json, job.Filters);
        Assert.Equal(canonical.Hash, job.FilterHash);
        Assert.Equal(canonical.Filters, CanonicalExportFilters.Parse(job.Filters), new FiltersComparer());
    }

    [Fact]
    public async Task RequestAsync_ShouldReturnDuplicate_WhenTheSameExportIsInProgress()
    {
        var filters = new ExportFilters { Usernames = ["bob"] };
        var first = Assert.IsType<ExportRequestResult.Accepted>(await _service.RequestAsync(_alice.Id, filters, false, Ct));

        var second = Assert.IsType<ExportRequestResult.Duplicate>(await _service.RequestAsync(_alice.Id, filters, false, Ct));

        Assert.Equal(first.JobId, second.JobId);
        Assert.Equal((await _host.JobAsync(first.JobId)).CreatedAt, second.CreatedAt);
        Assert.Single(await _host.QueryAsync(db => db.AuditLogBulkExportJobs));
        // An expected duplicate is not an error for whoever reads the server log.
        Assert.DoesNotContain(_host.Logs.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }

    [Fact]
    public async Task RequestAsync_ShouldFlagTheRunningJobAndReturnItsId_WhenRestartIsAsked()
    {
        var filters = new ExportFilters { Actions = [SupportedActions.PageCreate] };
        var first = Assert.IsType<ExportRequestResult.Accepted>(await _service.RequestAsync(_alice.Id, filters, false, Ct));

        var restarted = Assert.IsType<ExportRequestResult.Accepted>(await _service.RequestAsync(_alice.Id, filters, restartJob: true, Ct));

        Assert.Equal(first.JobId, restarted.JobId);
        Assert.True(restarted.Restarted);
        Assert.True((await _host.JobAsync(first.JobId)).RestartFlag);
        Assert.Single(await _host.QueryAsync(db => db.AuditLogBulkExportJobs));
    }

    [Fact]
    public async Task RequestAsync_ShouldCreateANewJob_WhenRestartIsAskedButNothingRuns()
    {
        var result = Assert.IsType<ExportRequestResult.Accepted>(await _service.RequestAsync(_alice.Id, new ExportFilters(), restartJob: true, Ct));

        Assert.False(result.Restarted);
        Assert.False((await _host.JobAsync(result.JobId)).RestartFlag);
    }

    [Fact]
    public async Task RequestAsync_ShouldAllowTheSameFilters_ForAnotherUser()
    {
        var bob = await _host.CreateUserAsync("bob");
        var filters = new ExportFilters { Usernames = ["carol"] };
        var a = Assert.IsType<ExportRequestResult.Accepted>(await _service.RequestAsync(_alice.Id, filters, false, Ct));

        var b = Assert.IsType<ExportRequestResult.Accepted>(await _service.RequestAsync(bob.Id, filters, false, Ct));

        Assert.NotEqual(a.JobId, b.JobId);
    }

    [Fact]
    public async Task RequestAsync_ShouldAllowDifferentFilters_ForTheSameUser()
    {
        var a = Assert.IsType<ExportRequestResult.Accepted>(await _service.RequestAsync(_alice.Id, new ExportFilters { Usernames = ["bob"] }, false, Ct));

        var b = Assert.IsType<ExportRequestResult.Accepted>(await _service.RequestAsync(_alice.Id, new ExportFilters { Usernames = ["carol"] }, false, Ct));

        Assert.NotEqual(a.JobId, b.JobId);
    }

    [Theory]
    [InlineData(ExportStatus.Completed)]
    [InlineData(ExportStatus.Failed)]
    public async Task RequestAsync_ShouldCreateANewJob_WhenTheSameExportHasFinished(string finished)
    {
        var filters = new ExportFilters { Usernames = ["bob"] };
        var first = Assert.IsType<ExportRequestResult.Accepted>(await _service.RequestAsync(_alice.Id, filters, false, Ct));
        await _host.ExecuteAsync(db => db.AuditLogBulkExportJobs.Where(j => j.Id == first.JobId)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, finished), Ct));

        var second = Assert.IsType<ExportRequestResult.Accepted>(await _service.RequestAsync(_alice.Id, filters, false, Ct));

        Assert.NotEqual(first.JobId, second.JobId);
    }

    [Fact]
    public async Task RequestAsync_ShouldTreatReorderedRepeatedAndDifferentlySpelledFiltersAsTheSameExport()
    {
        await _service.RequestAsync(_alice.Id, new ExportFilters
        {
            Usernames = ["carol", "bob", "carol"],
            Actions = [SupportedActions.PageDelete, SupportedActions.PageCreate],
            DateFrom = new DateTime(2026, 1, 31, 9, 0, 0, DateTimeKind.Unspecified),
        }, false, Ct);

        var again = await _service.RequestAsync(_alice.Id, new ExportFilters
        {
            Usernames = ["bob", "carol"],
            Actions = [SupportedActions.PageCreate, SupportedActions.PageDelete, SupportedActions.PageCreate],
            DateFrom = new DateTimeOffset(2026, 1, 31, 18, 0, 0, TimeSpan.FromHours(9)).UtcDateTime,
        }, false, Ct);

        Assert.IsType<ExportRequestResult.Duplicate>(again);
    }

    [Fact]
    public async Task RequestAsync_ShouldCreateExactlyOneJob_WhenFiftyIdenticalRequestsRace()
    {
        var filters = new ExportFilters { Usernames = ["bob"], Actions = [SupportedActions.PageCreate] };

        var results = await Task.WhenAll(Enumerable.Range(0, 50)
            .Select(_ => Task.Run(() => _service.RequestAsync(_alice.Id, filters, false, Ct), Ct)));

        var accepted = Assert.Single(results.OfType<ExportRequestResult.Accepted>());
        Assert.Equal(49, results.OfType<ExportRequestResult.Duplicate>().Count(d => d.JobId == accepted.JobId));
        Assert.Single(await _host.QueryAsync(db => db.AuditLogBulkExportJobs));
    }

    [Fact]
    public async Task RequestAsync_ShouldTriggerTheRunJobAtOnce_AndRecordTheRequest()
    {
        var result = Assert.IsType<ExportRequestResult.Accepted>(
            await _service.RequestAsync(_alice.Id, new ExportFilters(), false, new RequestOrigin("10.1.2.3", "/_api/v3/audit-log-bulk-export"), Ct));

        var scheduler = await _host.Get<ISchedulerFactory>().GetScheduler(Ct);
        var triggers = await scheduler.GetTriggersOfJob(ExportRunJob.Key, Ct);
        Assert.Contains(triggers, t => t.JobDataMap.GetString(ExportRunJob.JobIdKey) == result.JobId.ToString());
        var activity = Assert.Single(await _host.ActivitiesWithActionAsync(ExportService.RequestAction));
        Assert.Equal(_alice.Id, activity.UserId);
        Assert.Equal("alice", activity.Username);
        Assert.Equal(ExportService.TargetModel, activity.TargetModel);
        Assert.Equal(result.JobId.ToString(), activity.Target);
        Assert.Equal("10.1.2.3", activity.Ip);
    }

    [Fact]
    public async Task RequestAsync_ShouldRefuseAnUnknownAction()
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            _service.RequestAsync(_alice.Id, new ExportFilters { Actions = ["NOT_AN_ACTION"] }, false, Ct));
        Assert.Empty(await _host.QueryAsync(db => db.AuditLogBulkExportJobs));
    }

    private sealed class FiltersComparer : IEqualityComparer<ExportFilters>
    {
        public bool Equals(ExportFilters? x, ExportFilters? y) =>
            x is not null && y is not null
            && (x.Usernames ?? []).SequenceEqual(y.Usernames ?? [])
            && (x.Actions ?? []).SequenceEqual(y.Actions ?? [])
            && x.DateFrom == y.DateFrom && x.DateTo == y.DateTo
            && x.DateFrom?.Kind == y.DateFrom?.Kind;

        public int GetHashCode(ExportFilters obj) => 0;
    }
}

[Trait(TestDatabase.Trait, nameof(DatabaseProvider.PostgreSql))]
public sealed class PostgreSqlExportServiceTests() : ExportServiceTests(DatabaseProvider.PostgreSql);
