using System.Text.Json;
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
        if (!availableActions.IsAvailable(entry.Action))
        {
            return;
        }
        try
        {
            var snapshot = new Dictionary<string, string?> { ["username"] = entry.Username };
            foreach (var (key, value) in entry.Snapshot ?? new Dictionary<string, string?>())
            {
                snapshot[key] = value;
            }
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.Activities.Add(new Activity
            {
                Action = entry.Action,
                UserId = entry.UserId,
                Username = entry.Username,
                TargetModel = entry.TargetModel,
                Target = entry.Target,
                Ip = entry.Ip,
                Endpoint = entry.Endpoint,
                Snapshot = JsonSerializer.Serialize(snapshot),
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not record activity {Action}", entry.Action);
        }
    }
}
