using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Activities;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Tests.Features.Activities;

/// <summary>The username list is kept by the save itself: names and activities are committed together or not at all.</summary>
public class RecordedUsernameUpkeepTests : IAsyncLifetime
{
    private readonly DatabaseProvider _provider;

    public RecordedUsernameUpkeepTests() : this(DatabaseProvider.Sqlite)
    {
    }

    protected RecordedUsernameUpkeepTests(DatabaseProvider provider) => _provider = provider;

    private ITestDatabase _db = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(_provider);

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private static Activity Row(string? username) => new()
    {
        Action = SupportedActions.UserLoginWithLocal,
        Username = username,
        CreatedAt = DateTime.UtcNow,
    };

    [Fact]
    public async Task SaveChanges_ShouldRecordEachNewUsernameOnce_WhenActivitiesAreAdded()
    {
        await using (var db = _db.CreateDbContext())
        {
            db.Activities.AddRange(Row("alice"), Row("bob"), Row("alice"), Row(null));
            await db.SaveChangesAsync(Ct);
        }
        await using (var db = _db.CreateDbContext())
        {
            db.Activities.Add(Row("alice"));
            db.SaveChanges();
        }

        await using var check = _db.CreateDbContext();
        Assert.Equal(["alice", "bob"], await check.RecordedUsernames.Select(r => r.Username).OrderBy(n => n).ToListAsync(Ct));
    }

    [Fact]
    public async Task SaveChanges_ShouldSaveNeitherActivityNorName_WhenRecordingTheNameFails()
    {
        await _db.RefuseInsertsAsync("RecordedUsernames", "Username", "refused", "refused by the test");

        await using (var db = _db.CreateDbContext())
        {
            db.Activities.Add(Row("refused"));
            await Assert.ThrowsAnyAsync<Exception>(() => db.SaveChangesAsync(Ct));
        }

        await using var check = _db.CreateDbContext();
        Assert.Equal(0, await check.Activities.CountAsync(Ct));
        Assert.Equal(0, await check.RecordedUsernames.CountAsync(Ct));
    }

    [Fact]
    public async Task SaveChanges_ShouldKeepNoName_WhenTheCallersTransactionIsRolledBack()
    {
        await using (var db = _db.CreateDbContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            db.Activities.Add(Row("carol"));
            await db.SaveChangesAsync(Ct);
            await transaction.RollbackAsync(Ct);

            db.ChangeTracker.Clear();
            await using var second = await db.Database.BeginTransactionAsync(Ct);
            db.Activities.Add(Row("dave"));
            await db.SaveChangesAsync(Ct);
            await second.CommitAsync(Ct);
        }

        await using var check = _db.CreateDbContext();
        Assert.Equal(["dave"], await check.RecordedUsernames.Select(r => r.Username).ToListAsync(Ct));
        Assert.Equal(["dave"], await check.Activities.Select(a => a.Username!).ToListAsync(Ct));
    }
}

[Trait(TestDatabase.Trait, nameof(DatabaseProvider.PostgreSql))]
public sealed class PostgreSqlRecordedUsernameUpkeepTests() : RecordedUsernameUpkeepTests(DatabaseProvider.PostgreSql);
