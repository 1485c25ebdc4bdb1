using System.Data.Common;
using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Export;
using AuditAdmin.Core.Features.Maintenance;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Tests.Features.Activities;

public class ActivityRetentionTests : IAsyncLifetime
{
    private readonly DatabaseProvider _provider;

    public ActivityRetentionTests() : this(DatabaseProvider.Sqlite)
    {
    }

    protected ActivityRetentionTests(DatabaseProvider provider) => _provider = provider;

    private static readonly DateTime Now = new(2026, 11, 26, 12, 0, 0, DateTimeKind.Utc);
    private const long Day = 86_400;
    private readonly DeleteCounter _deletes = new();
    private ITestDatabase _db = default!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(_provider);

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private ActivityRetention Retention(long expirationSeconds = 30 * Day, int batchSize = 5)
    {
        var options = new AuditLogOptions { ActivityExpirationSeconds = expirationSeconds, RetentionBatchSize = batchSize };
        var clock = new FixedTimeProvider(Now);
        var recorder = new ActivityRecorder(_db, new AvailableActions(new FixedOptionsMonitor<AuditLogOptions>(options)), clock,
            new ListLogger<ActivityRecorder>());
        return new(new CountingFactory(_db, _deletes), [new ExportRetentionHold()], recorder,
            new FixedOptionsMonitor<AuditLogOptions>(options), clock, new ListLogger<ActivityRetention>());
    }

    private async Task AddAsync(int count, DateTime createdAt, string username)
    {
        await using var db = _db.CreateDbContext();
        db.Activities.AddRange(Enumerable.Range(0, count).Select(_ => new Activity { Action = SupportedActions.UserLogout, Username = username, CreatedAt = createdAt }));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private async Task<Dictionary<string, int>> RemainingAsync()
    {
        await using var db = _db.CreateDbContext();
        return await db.Activities.Where(a => a.Action == SupportedActions.UserLogout).GroupBy(a => a.Username!).ToDictionaryAsync(g => g.Key, g => g.Count(), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task RunAsync_ShouldDeleteEveryExpiredRow_InBoundedBatches_AndKeepRecentOnes()
    {
        await AddAsync(13, Now.AddDays(-90), "ancient");
        await AddAsync(10, Now.AddDays(-31), "old");
        await AddAsync(3, Now.AddDays(-29), "recent");
        await AddAsync(1, Now.AddDays(-30), "at-cutoff");

        var deleted = await Retention().RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(23, deleted);
        Assert.Equal(new Dictionary<string, int> { ["recent"] = 3, ["at-cutoff"] = 1 }, await RemainingAsync());
        // 23 rows, 5 per statement: 5 + 5 + 5 + 5 + 3.
        Assert.Equal(5, _deletes.Count);
        Assert.Contains("LIMIT", _deletes.LastSql, StringComparison.Ordinal);
        var status = await Retention().GetLastRunAsync(TestContext.Current.CancellationToken);
        Assert.Equal(new ActivityRetentionStatus(Now, 23, null), status);
        // Names whose activities are all gone are no longer suggested.
        await using var db = _db.CreateDbContext();
        Assert.Equal(["at-cutoff", "recent"], await db.RecordedUsernames.Select(r => r.Username).OrderBy(n => n).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task RunAsync_ShouldStop_AfterAnEmptyBatch_WhenTheCountIsAMultipleOfTheBatch()
    {
        await AddAsync(10, Now.AddDays(-40), "old");

        Assert.Equal(10, await Retention().RunAsync(TestContext.Current.CancellationToken));
        Assert.Equal(3, _deletes.Count);
        Assert.Empty(await RemainingAsync());
    }

    [Fact]
    public async Task RunAsync_ShouldKeepEverything_WhenExpirationIsOff_AndStillRecordTheRun()
    {
        await AddAsync(2, Now.AddYears(-5), "old");

        Assert.Equal(0, await Retention(expirationSeconds: 0).RunAsync(TestContext.Current.CancellationToken));

        Assert.Equal(2, (await RemainingAsync())["old"]);
        Assert.Equal(0, _deletes.Count);
        Assert.Equal(new ActivityRetentionStatus(Now, 0, null), await Retention().GetLastRunAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task RunAsync_ShouldRecordACancelledRun_WithoutThrowing()
    {
        await AddAsync(2, Now.AddDays(-40), "old");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        Assert.Equal(0, await Retention().RunAsync(cancelled.Token));

        var status = await Retention().GetLastRunAsync(TestContext.Current.CancellationToken);
        Assert.StartsWith("Cancelled", status?.LastError, StringComparison.Ordinal);
        Assert.Equal(2, (await RemainingAsync())["old"]);
    }

    [Fact]
    public async Task RunAsync_ShouldOverwriteThePreviousRecord()
    {
        await AddAsync(1, Now.AddDays(-40), "old");
        await Retention().RunAsync(TestContext.Current.CancellationToken);

        await Retention().RunAsync(TestContext.Current.CancellationToken);

        await using var db = _db.CreateDbContext();
        var run = await db.MaintenanceRuns.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal((MaintenanceTasks.ActivityRetention, 0L), (run.Name, run.LastAffectedCount));
    }

    [Fact]
    public async Task GetLastRunAsync_ShouldBeNull_BeforeTheFirstRun()
    {
        Assert.Null(await Retention().GetLastRunAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Job_ShouldHandTheRunToTheService()
    {
        await AddAsync(4, Now.AddDays(-40), "old");

        await new ActivityRetentionJob(Retention()).Execute(null!, TestContext.Current.CancellationToken);

        Assert.Empty(await RemainingAsync());
    }

    private sealed class CountingFactory(ITestDatabase database, IInterceptor interceptor) : IDbContextFactory<AuditAdminDbContext>
    {
        private readonly DbContextOptions<AuditAdminDbContext> _options = database.Use(new DbContextOptionsBuilder<AuditAdminDbContext>())
            .AddInterceptors(interceptor, new RecordedUsernameUpkeep()).Options;

        public AuditAdminDbContext CreateDbContext() => database.Provider == DatabaseProvider.PostgreSql
            ? new PostgreSqlAuditAdminDbContext(_options)
            : new SqliteAuditAdminDbContext(_options);
    }

    private sealed class DeleteCounter : DbCommandInterceptor
    {
        public int Count { get; private set; }
        public string LastSql { get; private set; } = "";

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            // Deletes of activities only (not the pruning of recorded usernames that follows them).
            if (command.CommandText.TrimStart().StartsWith("DELETE FROM \"Activities\"", StringComparison.Ordinal))
            {
                Count++;
                LastSql = command.CommandText;
            }
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    [Fact]
    public async Task RunAsync_ShouldKeepExpiredRows_ThatAnExportInProgressHasYetToRead()
    {
        await AddAsync(6, Now.AddDays(-40), "old");
        long readUpTo;
        await using (var db = _db.CreateDbContext())
        {
            var ids = await db.Activities.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(TestContext.Current.CancellationToken);
            readUpTo = ids[1];
            var job = await NotificationSeed.AddJobAsync(_db, "u-1", ExportStatus.Exporting);
            await db.AuditLogBulkExportJobs.Where(j => j.Id == job.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(j => j.LastExportedId, readUpTo), TestContext.Current.CancellationToken);
            await NotificationSeed.AddJobAsync(_db, "u-2", ExportStatus.Completed);
        }

        var deleted = await Retention().RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, deleted);
        await using var check = _db.CreateDbContext();
        Assert.True(await check.Activities.Where(a => a.Action == SupportedActions.UserLogout).AllAsync(a => a.Id > readUpTo,
            TestContext.Current.CancellationToken));
        Assert.Equal(4, (await RemainingAsync())["old"]);
    }

    [Fact]
    public async Task RunAsync_ShouldRecordARunThatDeleted_InTheAuditLog_WithItsCutoffAndCount()
    {
        await AddAsync(3, Now.AddDays(-40), "old");

        await Retention().RunAsync(TestContext.Current.CancellationToken);
        await Retention().RunAsync(TestContext.Current.CancellationToken);

        await using var db = _db.CreateDbContext();
        var runs = await db.Activities.Where(a => a.Action == SupportedActions.AuditLogRetentionRun).ToListAsync(TestContext.Current.CancellationToken);
        var run = Assert.Single(runs);
        using var snapshot = System.Text.Json.JsonDocument.Parse(run.Snapshot!);
        Assert.Equal("3", snapshot.RootElement.GetProperty("deleted").GetString());
        Assert.Equal(Now.AddDays(-30), DateTime.Parse(snapshot.RootElement.GetProperty("cutoff").GetString()!,
            System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind));
    }

    [Fact]
    public async Task GetHistoryAsync_ShouldListTheRecordedRuns_NewestFirst_WithCutoffAndCount()
    {
        await AddAsync(3, Now.AddDays(-40), "old");
        await Retention().RunAsync(TestContext.Current.CancellationToken);
        await AddAsync(2, Now.AddDays(-35), "older");
        await Retention().RunAsync(TestContext.Current.CancellationToken);
        await Retention().RunAsync(TestContext.Current.CancellationToken);

        var history = await Retention().GetHistoryAsync(10, TestContext.Current.CancellationToken);

        Assert.Equal([2L, 3L], history.Select(r => r.Deleted));
        Assert.All(history, r => Assert.Equal((Now.AddDays(-30), DateTimeKind.Utc, (string?)null), (r.Cutoff!.Value, r.Cutoff.Value.Kind, r.Error)));
        Assert.Single(await Retention().GetHistoryAsync(1, TestContext.Current.CancellationToken));
    }
}

[Trait(TestDatabase.Trait, nameof(DatabaseProvider.PostgreSql))]
public sealed class PostgreSqlActivityRetentionTests() : ActivityRetentionTests(DatabaseProvider.PostgreSql);
