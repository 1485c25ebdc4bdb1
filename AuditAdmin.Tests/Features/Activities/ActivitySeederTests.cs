using System.Text.Json;
using System.Text.RegularExpressions;
using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Activities;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Tests.Features.Activities;

public partial class ActivitySeederTests : IAsyncLifetime
{
    private readonly DatabaseProvider _provider;

    public ActivitySeederTests() : this(DatabaseProvider.Sqlite)
    {
    }

    protected ActivitySeederTests(DatabaseProvider provider) => _provider = provider;

    private static readonly DateTime From = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime To = new(2026, 1, 11, 0, 0, 0, DateTimeKind.Utc);
    private ITestDatabase _db = default!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(_provider);

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private Task<SeedResult> SeedAsync(int count, int users) =>
        new ActivitySeeder(new ActivityBulkWriter(_db), _db).SeedAsync(new SeedRequest(count, users, From, To, RandomSeed: 7),
            TestContext.Current.CancellationToken);

    [Fact]
    public async Task SeedAsync_ShouldInsertRealisticRows_SpreadOverTheRange()
    {
        var result = await SeedAsync(3000, users: 5);

        Assert.Equal(3000, result.Count);
        await using var db = _db.CreateDbContext();
        var rows = await db.Activities.AsNoTracking().OrderBy(a => a.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(3000, rows.Count);
        Assert.Equal(["user001", "user002", "user003", "user004", "user005"], rows.Select(r => r.Username).Distinct().Order());
        Assert.All(rows, r => Assert.InRange(r.CreatedAt, From, To));
        Assert.Equal(rows.Select(r => r.CreatedAt).Order(), rows.Select(r => r.CreatedAt));
        Assert.True(rows[^1].CreatedAt - rows[0].CreatedAt > TimeSpan.FromDays(9.9));
        Assert.All(rows, r => Assert.True(ActionCatalog.IsSupported(r.Action)));
        Assert.All(rows, r => Assert.Equal(r.Username, JsonDocument.Parse(r.Snapshot!).RootElement.GetProperty("username").GetString()));
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r.Ip)));
        Assert.All(rows, r => Assert.StartsWith("/", r.Endpoint, StringComparison.Ordinal));
        var byFrequency = rows.GroupBy(r => r.Action).OrderByDescending(g => g.Count()).Select(g => g.Key).ToList();
        Assert.Equal(SupportedActions.UserLoginWithLocal, byFrequency[0]);
        Assert.True(byFrequency.Count > 40, $"only {byFrequency.Count} distinct actions");
    }

    [Fact]
    public async Task SeededTimes_ShouldCompareLikeTimesWrittenByEf()
    {
        await SeedAsync(500, users: 2);
        var middle = From.AddDays(5);
        await using (var db = _db.CreateDbContext())
        {
            db.Activities.Add(new Activity { Action = SupportedActions.UserLogout, Username = "ef", CreatedAt = middle });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var read = _db.CreateDbContext();
        var seeded = await read.Activities.AsNoTracking().Where(a => a.Username != "ef").Select(a => a.CreatedAt)
            .ToListAsync(TestContext.Current.CancellationToken);
        var beforeInSql = await read.Activities.CountAsync(a => a.Username != "ef" && a.CreatedAt < middle, TestContext.Current.CancellationToken);

        Assert.Equal(seeded.Count(t => t < middle), beforeInSql);
        if (_provider == DatabaseProvider.Sqlite)
        {
            // SQLite compares dates as text: the seeder must write EF's spelling. A server compares typed timestamps.
            var texts = await read.Database.SqlQueryRaw<string>("SELECT \"CreatedAt\" AS \"Value\" FROM \"Activities\"")
                .ToListAsync(TestContext.Current.CancellationToken);
            Assert.All(texts, t => Assert.Matches(EfDateTimeText(), t));
        }
    }

    [Fact]
    public async Task SeedAsync_ShouldRefuseAnEmptyRange()
    {
        var seeder = new ActivitySeeder(new ActivityBulkWriter(_db), _db);

        await Assert.ThrowsAsync<ArgumentException>(() =>
            seeder.SeedAsync(new SeedRequest(10, 1, To, From), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task CountForeign_ShouldRecogniseSeededRows_AndCountRecordedAndIngestedOnes()
    {
        await SeedAsync(500, users: 3);
        var seeder = new ActivitySeeder(new ActivityBulkWriter(_db), _db);
        Assert.Equal(0, await seeder.CountForeignAsync(TestContext.Current.CancellationToken));

        await using (var db = _db.CreateDbContext())
        {
            var seeded = await db.Activities.AsNoTracking().FirstAsync(TestContext.Current.CancellationToken);
            // A real user who happens to be called user001, and a row ingested from another system.
            db.Activities.Add(new Activity { Action = seeded.Action, Username = seeded.Username, UserId = "u-1", Endpoint = seeded.Endpoint,
                Snapshot = seeded.Snapshot, CreatedAt = seeded.CreatedAt });
            db.Activities.Add(new Activity { Action = seeded.Action, Username = seeded.Username, Endpoint = seeded.Endpoint,
                Snapshot = seeded.Snapshot, CreatedAt = seeded.CreatedAt, Source = ActivitySources.Ingested, IngestedBy = "siem" });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(2, await seeder.CountForeignAsync(TestContext.Current.CancellationToken));
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,7})?$")]
    private static partial Regex EfDateTimeText();
}

[Trait(TestDatabase.Trait, nameof(DatabaseProvider.PostgreSql))]
public sealed class PostgreSqlActivitySeederTests() : ActivitySeederTests(DatabaseProvider.PostgreSql);
