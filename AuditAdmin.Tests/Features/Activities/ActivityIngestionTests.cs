using System.Data.Common;
using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Activities;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Tests.Features.Activities;

public class ActivityIngestionTests : IAsyncLifetime
{
    private readonly DatabaseProvider _provider;

    public ActivityIngestionTests() : this(DatabaseProvider.Sqlite)
    {
    }

    protected ActivityIngestionTests(DatabaseProvider provider) => _provider = provider;

    private ITestDatabase _db = default!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(_provider);

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private static readonly IngestionSender Sender = new("sender-id", "siem-bot", "10.9.8.7", "/_api/v3/activities");

    private ActivityIngestion Ingestion()
    {
        var available = new AvailableActions(new FixedOptionsMonitor<AuditLogOptions>(new AuditLogOptions()));
        return new(new ActivityBulkWriter(_db), available,
            new ActivityRecorder(_db, available, TimeProvider.System, new ListLogger<ActivityRecorder>()), TimeProvider.System);
    }

    [Fact]
    public async Task StoreAsync_ShouldStoreOnlyAvailableActions_AndCountTheRest()
    {
        Activity[] batch =
        [
            new() { Action = SupportedActions.UserLogout, Username = "a", CreatedAt = DateTime.UtcNow },
            new() { Action = SupportedActions.PageView, Username = "b", CreatedAt = DateTime.UtcNow },
            new() { Action = SupportedActions.UserRegistrationApprovalRequest, Username = "c", CreatedAt = DateTime.UtcNow },
            new() { Action = SupportedActions.AttachmentDownload, Username = "forged", CreatedAt = DateTime.UtcNow },
        ];

        var result = await Ingestion().StoreAsync(batch, Sender, TestContext.Current.CancellationToken);

        Assert.Equal(new IngestionResult(Accepted: 2, Skipped: 2), result);
        await using var db = _db.CreateDbContext();
        Assert.Equal(["a", "c"], await db.Activities.Where(a => a.Source == ActivitySources.Ingested).OrderBy(a => a.Id)
            .Select(a => a.Username).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task StoreAsync_ShouldMarkRowsAsIngestedBySender_AndRecordTheCallOnce()
    {
        var before = DateTime.UtcNow;
        Activity[] batch =
        [
            new() { Action = SupportedActions.UserLogout, Username = "a", CreatedAt = before.AddDays(-3) },
            new() { Action = SupportedActions.UserLogout, Username = "b", CreatedAt = before.AddDays(-2) },
        ];

        await Ingestion().StoreAsync(batch, Sender, TestContext.Current.CancellationToken);

        await using var db = _db.CreateDbContext();
        var rows = await db.Activities.Where(a => a.Action == SupportedActions.UserLogout).ToListAsync(TestContext.Current.CancellationToken);
        Assert.All(rows, r =>
        {
            Assert.Equal((ActivitySources.Ingested, "siem-bot"), (r.Source, r.IngestedBy));
            Assert.InRange(r.IngestedAt!.Value, before, DateTime.UtcNow);
        });
        var call = Assert.Single(await db.Activities.Where(a => a.Action == SupportedActions.AuditLogIngested).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal((ActivitySources.App, "sender-id", "siem-bot", "10.9.8.7"), (call.Source, call.UserId, call.Username, call.Ip));
        Assert.Contains("\"accepted\":\"2\"", call.Snapshot, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoreAsync_ShouldStoreEveryFieldOfAThousandRows_InOrder()
    {
        var now = new DateTime(2026, 11, 26, 1, 2, 3, DateTimeKind.Utc).AddTicks(4567);
        var batch = Enumerable.Range(0, 1000).Select(i => new Activity
        {
            Action = SupportedActions.UserLogout, Username = $"u{i}", UserId = "id", Ip = "::1", Endpoint = "/e", TargetModel = "Page",
            Target = "t", EventModel = "Comment", Event = "c", Snapshot = """{"username":"x"}""", CreatedAt = now.AddMilliseconds(-i),
        }).ToList();

        await Ingestion().StoreAsync(batch, Sender, TestContext.Current.CancellationToken);

        await using var db = _db.CreateDbContext();
        var stored = await db.Activities.AsNoTracking().Where(a => a.Source == ActivitySources.Ingested).OrderBy(a => a.Id)
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(batch.Select(a => a.Username), stored.Select(a => a.Username));
        var first = stored[0];
        Assert.Equal(("id", "::1", "/e", "Page", "t", "Comment", "c", """{"username":"x"}""", _provider.Stored(now)),
            (first.UserId, first.Ip, first.Endpoint, first.TargetModel, first.Target, first.EventModel, first.Event, first.Snapshot, first.CreatedAt));
        Assert.Equal(DateTimeKind.Utc, first.CreatedAt.Kind);
    }

    [Fact]
    public async Task StoreAsync_ShouldStoreNothing_WhenOneRowOfTheBatchFails()
    {
        await using (var seed = _db.CreateDbContext())
        {
            seed.Activities.Add(new Activity { Action = SupportedActions.UserLogout, Username = "before", CreatedAt = DateTime.UtcNow });
            await seed.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        // The database refuses the 50th row of the batch.
        await _db.RefuseInsertsAsync("Activities", "Username", "u49", "refused");
        var batch = Enumerable.Range(0, 100)
            .Select(i => new Activity { Action = SupportedActions.UserLogout, Username = $"u{i}", CreatedAt = DateTime.UtcNow }).ToList();

        await Assert.ThrowsAnyAsync<DbException>(() => Ingestion().StoreAsync(batch, Sender, TestContext.Current.CancellationToken));

        await using var db = _db.CreateDbContext();
        Assert.Equal(0, await db.Activities.CountAsync(a => a.Source == ActivitySources.Ingested, TestContext.Current.CancellationToken));
        Assert.Equal(1, await db.Activities.CountAsync(a => a.Username == "before", TestContext.Current.CancellationToken));
    }
}

[Trait(TestDatabase.Trait, nameof(DatabaseProvider.PostgreSql))]
public sealed class PostgreSqlActivityIngestionTests() : ActivityIngestionTests(DatabaseProvider.PostgreSql);
