using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Activities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AuditAdmin.Tests.TestInfrastructure;

/// <summary>The real activity services of Core over a test database, for components under bUnit.</summary>
public static class ActivityComponentServices
{
    /// <summary>Registers the database, AuditLogOptions, AvailableActions, ActivityQueryService and the recorder (pass to MudTestContext).</summary>
    public static Action<IServiceCollection> Over(SqliteTestDatabase database, Action<AuditLogOptions>? configure = null) => services =>
    {
        services.AddSingleton<IDbContextFactory<AuditAdminDbContext>>(database);
        services.AddOptions<AuditLogOptions>().Configure(o => configure?.Invoke(o));
        services.AddSingleton<AvailableActions>();
        services.AddSingleton<ActivityQueryService>();
        services.AddSingleton<IActivityRecorder, ActivityRecorder>();
    };

    /// <summary>Inserts rows as an ingesting system would; Id and defaults are filled by the database.</summary>
    public static async Task SeedAsync(this SqliteTestDatabase database, params Activity[] activities)
    {
        await using var db = database.CreateDbContext();
        db.Activities.AddRange(activities);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public static Activity Row(string username, string action, DateTime createdAtUtc, string? endpoint = null, string? snapshot = null) => new()
    {
        UserId = null,
        Username = username,
        Action = action,
        Ip = "192.0.2.10",
        Endpoint = endpoint ?? "/_api/v3/pages",
        Snapshot = snapshot,
        CreatedAt = DateTime.SpecifyKind(createdAtUtc, DateTimeKind.Utc),
    };
}
