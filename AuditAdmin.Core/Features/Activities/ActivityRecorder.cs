using AuditAdmin.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AuditAdmin.Core.Features.Activities;

internal sealed class ActivityRecorder(
    IDbContextFactory<AuditAdminDbContext> dbFactory,
    AvailableActions availableActions,
    TimeProvider clock,
    ILogger<ActivityRecorder> logger) : IActivityRecorder
{
    public async Task RecordAsync(ActivityEntry entry, CancellationToken cancellationToken = default)
    {
        try
        {
            if (Create(entry) is not { } activity)
            {
                return;
            }
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.Activities.Add(activity);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            // The triggering request goes on: losing one audit row is logged, never thrown.
            logger.LogError(ex, "Could not record activity {Action}", entry.Action);
        }
    }

    /// <summary>
    /// The row <see cref="RecordAsync"/> would store, or null when the action is not recorded: for a caller that saves
    /// it in its own transaction, with the change it records.
    /// </summary>
    public Activity? Create(ActivityEntry entry) =>
        !availableActions.IsAvailable(entry.Action)
            ? null
            : new Activity
            {
                Action = entry.Action,
                UserId = Fit(entry.UserId, ActivityConfiguration.MaxUserIdLength),
                Username = Fit(entry.Username, ActivityConfiguration.MaxUsernameLength),
                TargetModel = Fit(entry.TargetModel, ActivityConfiguration.MaxModelLength),
                Target = Fit(entry.Target, ActivityConfiguration.MaxTargetLength),
                Ip = Fit(entry.Ip, ActivityConfiguration.MaxIpLength),
                Endpoint = Fit(entry.Endpoint, ActivityConfiguration.MaxEndpointLength),
                Snapshot = Snapshot(entry),
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };

    private static string Snapshot(ActivityEntry entry)
    {
        var snapshot = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (entry.Username is not null)
        {
            snapshot["username"] = entry.Username;
        }
        foreach (var (key, value) in entry.Snapshot ?? new Dictionary<string, string?>())
        {
            snapshot[key] = value;
        }
        var json = ActivitySnapshot.Serialize(snapshot);
        return json.Length <= ActivityConfiguration.MaxSnapshotLength
            ? json
            : ActivitySnapshot.OfUsername(Fit(entry.Username, ActivityConfiguration.MaxUsernameLength));
    }

    /// <summary>Columns have limits (SQL Server enforces them): keep what fits rather than lose the row.</summary>
    private static string? Fit(string? value, int max) => value is { Length: > 0 } && value.Length > max ? value[..max] : value;
}
