using System.Text.Json;
using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Activities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AuditAdmin.Tests.Features.Activities;

public class ActivityRecorderTests : IAsyncLifetime
{
    private readonly DatabaseProvider _provider;

    public ActivityRecorderTests() : this(DatabaseProvider.Sqlite)
    {
    }

    protected ActivityRecorderTests(DatabaseProvider provider) => _provider = provider;

    private ITestDatabase _db = default!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(_provider);

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private static ActivityRecorder Recorder(IDbContextFactory<AuditAdminDbContext> factory, ListLogger<ActivityRecorder>? logger = null,
        string group = "SMALL") =>
        new(factory, new AvailableActions(new FixedOptionsMonitor<AuditLogOptions>(new AuditLogOptions { ActionGroupSize = group })),
            TimeProvider.System, logger ?? new ListLogger<ActivityRecorder>());

    [Fact]
    public async Task RecordAsync_ShouldStoreAnAvailableAction_WithItsSnapshot()
    {
        var before = DateTime.UtcNow;

        await Recorder(_db).RecordAsync(new ActivityEntry(SupportedActions.UserLoginWithLocal)
        {
            UserId = "u-1",
            Username = "alice",
            Ip = "10.0.0.7",
            Endpoint = "/Account/Login",
            TargetModel = "User",
            Target = "u-1",
            Snapshot = new Dictionary<string, string?> { ["originalName"] = "a.txt" },
        }, TestContext.Current.CancellationToken);

        await using var db = _db.CreateDbContext();
        var stored = await db.Activities.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(SupportedActions.UserLoginWithLocal, stored.Action);
        Assert.Equal(("u-1", "alice", "10.0.0.7", "/Account/Login", "User", "u-1"),
            (stored.UserId, stored.Username, stored.Ip, stored.Endpoint, stored.TargetModel, stored.Target));
        Assert.InRange(stored.CreatedAt, before, DateTime.UtcNow);
        Assert.Equal(DateTimeKind.Utc, stored.CreatedAt.Kind);
        using var snapshot = JsonDocument.Parse(stored.Snapshot!);
        Assert.Equal("alice", snapshot.RootElement.GetProperty("username").GetString());
        Assert.Equal("a.txt", snapshot.RootElement.GetProperty("originalName").GetString());
    }

    [Fact]
    public async Task RecordAsync_ShouldStoreNothing_WhenTheActionIsNotAvailable()
    {
        var recorder = Recorder(_db);

        await recorder.RecordAsync(new ActivityEntry(SupportedActions.UserPersonalSettingsUpdate) { Username = "alice" },
            TestContext.Current.CancellationToken);
        await recorder.RecordAsync(new ActivityEntry("NOT_AN_ACTION"), TestContext.Current.CancellationToken);

        await using var db = _db.CreateDbContext();
        Assert.Equal(0, await db.Activities.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task RecordAsync_ShouldStoreAnEssentialAction_WhateverTheGroup()
    {
        await Recorder(_db, group: "UNKNOWN").RecordAsync(new ActivityEntry(SupportedActions.AuditLogBulkExportCompleted),
            TestContext.Current.CancellationToken);

        await using var db = _db.CreateDbContext();
        var stored = await db.Activities.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal("{}", stored.Snapshot);
    }

    [Fact]
    public async Task RecordAsync_ShouldCutValuesToTheColumnLimits()
    {
        await Recorder(_db).RecordAsync(new ActivityEntry(SupportedActions.UserLogout)
        {
            Username = "bob",
            Endpoint = "/" + new string('x', ActivityConfiguration.MaxEndpointLength + 50),
        }, TestContext.Current.CancellationToken);

        await using var db = _db.CreateDbContext();
        var stored = await db.Activities.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(ActivityConfiguration.MaxEndpointLength, stored.Endpoint!.Length);
    }

    [Fact]
    public async Task RecordAsync_ShouldNotThrow_AndShouldLog_WhenTheDatabaseFails()
    {
        var logger = new ListLogger<ActivityRecorder>();
        var unreachable = new UnreachableDatabase();

        await Recorder(unreachable, logger).RecordAsync(new ActivityEntry(SupportedActions.UserLogout) { Username = "alice" },
            TestContext.Current.CancellationToken);

        var error = Assert.Single(logger.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains(SupportedActions.UserLogout, error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Exception);
    }

    /// <summary>A real SQLite context whose file cannot be opened (its directory does not exist).</summary>
    private sealed class UnreachableDatabase : IDbContextFactory<AuditAdminDbContext>
    {
        private readonly DbContextOptions<AuditAdminDbContext> _options = new DbContextOptionsBuilder<AuditAdminDbContext>()
            .UseSqlite($"Data Source={Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "missing", "x.db")};Mode=ReadWrite")
            .Options;

        public AuditAdminDbContext CreateDbContext() => new SqliteAuditAdminDbContext(_options);
    }
}

[Trait(TestDatabase.Trait, nameof(DatabaseProvider.PostgreSql))]
public sealed class PostgreSqlActivityRecorderTests() : ActivityRecorderTests(DatabaseProvider.PostgreSql);
