using AuditAdmin.Core.Identity;
using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Activities;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Tests.Features.Activities;

public class ActivityQueryServiceTests : IAsyncLifetime
{
    private readonly DatabaseProvider _provider;

    public ActivityQueryServiceTests() : this(DatabaseProvider.Sqlite)
    {
    }

    protected ActivityQueryServiceTests(DatabaseProvider provider) => _provider = provider;

    private static readonly DateTime Start = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
    private ITestDatabase _db = default!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(_provider);

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private ActivityQueryService Service() =>
        new(_db, new AvailableActions(new FixedOptionsMonitor<AuditLogOptions>(new AuditLogOptions())));

    [Fact]
    public async Task ListAsync_ShouldPageNewestFirst_AtEveryOffset_FromEitherEnd()
    {
        await using (var db = _db.CreateDbContext())
        {
            // 23 rows in 8 distinct instants, so ties are broken by id in both directions.
            db.Activities.AddRange(Enumerable.Range(0, 23).Select(i => new Activity
            {
                Action = SupportedActions.UserLogout, Username = $"u{i}", CreatedAt = Start.AddMinutes((i * 7) % 8),
            }));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        await using var read = _db.CreateDbContext();
        var expected = (await read.Activities.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken))
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Select(a => a.Id).ToList();

        for (var offset = 0; offset <= 24; offset++)
        {
            var page = await Service().ListAsync(ActivityFilter.None, TimeZoneInfo.Utc, offset, 7, TestContext.Current.CancellationToken);

            Assert.Equal(23, page.TotalCount);
            Assert.Equal(expected.Skip(offset).Take(7), page.Items.Select(a => a.Id));
        }
    }

    [Fact]
    public async Task ListAsync_ShouldClampOffsetAndLimit()
    {
        await using (var db = _db.CreateDbContext())
        {
            db.Activities.AddRange(Enumerable.Range(0, 120).Select(i => new Activity { Action = SupportedActions.UserLogout, CreatedAt = Start.AddSeconds(i) }));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var page = await Service().ListAsync(ActivityFilter.None, TimeZoneInfo.Utc, -5, 500, TestContext.Current.CancellationToken);

        Assert.Equal((0, ActivityQueryService.MaxLimit, ActivityQueryService.MaxLimit), (page.Offset, page.Limit, page.Items.Count));
    }

    [Fact]
    public async Task FindUserNamesAsync_ShouldAnswerExistingUsersOnly()
    {
        await using (var db = _db.CreateDbContext())
        {
            db.Users.Add(new AuditAdmin.Core.Identity.AppUser { Id = "u-1", UserName = "alice", CreatedAt = Start });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var names = await Service().FindUserNamesAsync(["u-1", "u-1", null, "u-gone"], TestContext.Current.CancellationToken);

        Assert.Equal(new Dictionary<string, string?> { ["u-1"] = "alice" }, names);
    }

    [Fact]
    public async Task SuggestUsernamesAsync_ShouldMatchAnywhereCaseInsensitively_PrefixesFirst_AndEscapeWildcards()
    {
        await using (var db = _db.CreateDbContext())
        {
            foreach (var name in new[] { "alice", "Alicia", "alice", "bob", "al_x", "alyx", "malicious" })
            {
                db.Activities.Add(new Activity { Action = SupportedActions.UserLogout, Username = name, CreatedAt = Start });
            }
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(["Alicia", "alice", "malicious"], await NamesAsync("ali"));
        Assert.Equal(["al_x"], await NamesAsync("l_"));
    }

    [Fact]
    public async Task SuggestUsernamesAsync_ShouldGroupActiveThenInactiveThenDeletedAccounts()
    {
        await using (var db = _db.CreateDbContext())
        {
            foreach (var name in new[] { "ann-gone", "ann-off", "ann-on", "joann" })
            {
                db.Activities.Add(new Activity { Action = SupportedActions.UserLogout, Username = name, CreatedAt = Start });
            }
            db.Users.Add(new AppUser { UserName = "ann-off", NormalizedUserName = "ANN-OFF", IsActive = false, CreatedAt = Start });
            db.Users.Add(new AppUser { UserName = "ann-on", NormalizedUserName = "ANN-ON", CreatedAt = Start });
            db.Users.Add(new AppUser { UserName = "joann", NormalizedUserName = "JOANN", CreatedAt = Start });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var suggestions = await Service().SuggestUsernamesAsync("ann", 10, TestContext.Current.CancellationToken);

        Assert.Equal(
            [
                new UsernameSuggestion("ann-on", UserPresence.Active),
                new UsernameSuggestion("joann", UserPresence.Active),
                new UsernameSuggestion("ann-off", UserPresence.Inactive),
                new UsernameSuggestion("ann-gone", UserPresence.Deleted),
            ],
            suggestions);
    }

    private async Task<List<string>> NamesAsync(string? text, int limit = 10) =>
        [.. (await Service().SuggestUsernamesAsync(text, limit, TestContext.Current.CancellationToken)).Select(s => s.Username)];

    [Fact]
    public async Task SuggestUsernamesAsync_ShouldOfferNamesWrittenInBulk_OnceEach()
    {
        var writer = new ActivityBulkWriter(_db);
        await writer.WriteAsync(Enumerable.Range(0, 30).Select(i => new Activity
        {
            Action = SupportedActions.UserLogout, Username = i % 3 == 0 ? null : $"bulk{i % 4}", CreatedAt = Start,
        }), TestContext.Current.CancellationToken);

        Assert.Equal(["bulk0", "bulk1", "bulk2", "bulk3"], await NamesAsync(null));
        Assert.Equal(["bulk2"], await NamesAsync("BULK2"));
    }
}

[Trait(TestDatabase.Trait, nameof(DatabaseProvider.PostgreSql))]
public sealed class PostgreSqlActivityQueryServiceTests() : ActivityQueryServiceTests(DatabaseProvider.PostgreSql);
