using AuditAdmin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Core.Features.Activities;

public sealed record IngestionResult(int Accepted, int Skipped);

/// <summary>Stores events sent by other systems: only available actions (with essentials), in one SaveChanges.</summary>
public sealed class ActivityIngestion(IDbContextFactory<AuditAdminDbContext> dbFactory, AvailableActions availableActions)
{
    public async Task<IngestionResult> StoreAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var available = availableActions.GetSet(includeEssential: true);
        var accepted = activities.Where(a => available.Contains(a.Action)).ToList();
        if (accepted.Count > 0)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Activities.AddRange(accepted);
            // EF batches the inserts into a few commands inside one transaction: all or nothing.
            await db.SaveChangesAsync(cancellationToken);
        }
        return new IngestionResult(accepted.Count, activities.Count - accepted.Count);
    }
}
