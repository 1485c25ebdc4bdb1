using System.Data.Common;
using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AuditAdmin.Tests.Features.Activities;

public sealed class ActivityIngestionTests : IAsyncLifetime
{
    private SqliteTestDatabase _db = default!;

    public async ValueTask InitializeAsync() => _db = await SqliteTestDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private static AvailableActions Small => new(new FixedOptionsMonitor<AuditLogOptions>(new AuditLogOptions()));

    [Fact]
    public async Task StoreAsync_ShouldStoreOnlyAvailableActions_AndCountTheRest()
    {
        var ingestion = new ActivityIngestion(_db, Small);
        Activity[] batch =
        [
            new() { Action = SupportedActions.UserLogout, Username = "a", CreatedAt = DateTime.UtcNow },
            new() { Action = SupportedActions.PageView, Username = "b", CreatedAt = DateTime.UtcNow },
            new() { Action = SupportedActions.AuditLogBulkExportFailed, Username = "c", CreatedAt = DateTime.UtcNow },
        ];

        var result = await ingestion.StoreAsync(batch, TestContext.Current.CancellationToken);

        Assert.Equal(new IngestionResult(Accepted: 2, Skipped: 1), result);
        await using var db = _db.CreateDbContext();
        Assert.Equal(["a", "c"], await db.Activities.OrderBy(a => a.Id).Select(a => a.Username).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task StoreAsync_ShouldInsertAThousandRows_InOneTransaction()
    {
        var counter = new CommandCounter();
        var factory = new InterceptedFactory(_db.ConnectionString, counter);
        var now = DateTime.UtcNow;
        var batch = Enumerable.Range(0, 1000)
            .Select(i => new Activity { Action = SupportedActions.UserLogout, Username = $"u{i}", CreatedAt = now.AddMilliseconds(-i) }).ToList();

        await new ActivityIngestion(factory, Small).StoreAsync(batch, TestContext.Current.CancellationToken);

        await using var db = _db.CreateDbContext();
        Assert.Equal(1000, await db.Activities.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, counter.Transactions);
    }

    [Fact]
    public async Task StoreAsync_ShouldStoreNothing_WhenOneRowOfTheBatchFails()
    {
        await using (var seed = _db.CreateDbContext())
        {
            seed.Activities.Add(new Activity { Id = 7, Action = SupportedActions.UserLogout, CreatedAt = DateTime.UtcNow });
            await seed.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var batch = Enumerable.Range(0, 100)
            .Select(i => new Activity { Action = SupportedActions.UserLogout, Username = $"u{i}", CreatedAt = DateTime.UtcNow }).ToList();
        batch[50].Id = 7;

        await Assert.ThrowsAsync<DbUpdateException>(() => new ActivityIngestion(_db, Small).StoreAsync(batch, TestContext.Current.CancellationToken));

        await using var db = _db.CreateDbContext();
        Assert.Equal(1, await db.Activities.CountAsync(TestContext.Current.CancellationToken));
    }

    private sealed class InterceptedFactory(string connectionString, params IInterceptor[] interceptors) : IDbContextFactory<AuditAdminDbContext>
    {
        private readonly DbContextOptions<AuditAdminDbContext> _options = new DbContextOptionsBuilder<AuditAdminDbContext>()
            .UseSqlite(connectionString).AddInterceptors(interceptors).Options;

        public AuditAdminDbContext CreateDbContext() => new SqliteAuditAdminDbContext(_options);
    }

    /// <summary>Counts the commands and the transactions sent to the database.</summary>
    private sealed class CommandCounter : DbCommandInterceptor, IDbTransactionInterceptor
    {
        public int Commands { get; private set; }
        public int Transactions { get; private set; }

        public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData,
            DbTransaction result, CancellationToken cancellationToken = default)
        {
            Transactions++;
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands++;
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Commands++;
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
