using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Maintenance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuditAdmin.Core.Features.Activities;

/// <summary>The last retention run, for the settings panel.</summary>
public sealed record ActivityRetentionStatus(DateTime LastRunAt, long LastDeletedCount, string? LastError);

/// <summary>A retention run that removed activities or failed, as the audit log recorded it.</summary>
public sealed record ActivityRetentionRun(DateTime At, DateTime? Cutoff, long Deleted, string? Error);

/// <summary>
/// Deletes activities older than <see cref="AuditLogOptions.ActivityExpirationSeconds"/> (GROWI's TTL index), in
/// statements of at most <see cref="AuditLogOptions.RetentionBatchSize"/> rows, oldest first, checking for
/// cancellation between them; never one giant delete, never loading rows. Activities that a reader still needs
/// (<see cref="IActivityRetentionHold"/>: an export in progress) are kept. Each run is recorded in
/// <see cref="MaintenanceRun"/> under <see cref="MaintenanceTasks.ActivityRetention"/>, and one that deleted anything
/// or failed is recorded in the audit log itself (the chain of custody).
/// </summary>
public sealed class ActivityRetention(
    IDbContextFactory<AuditAdminDbContext> dbFactory,
    IEnumerable<IActivityRetentionHold> holds,
    IActivityRecorder recorder,
    IOptionsMonitor<AuditLogOptions> options,
    TimeProvider clock,
    ILogger<ActivityRetention> logger)
{
    /// <summary>Runs once; returns the number of rows deleted. Failures are recorded and logged, not thrown.</summary>
    public async Task<long> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var startedAt = clock.GetUtcNow().UtcDateTime;
        long deleted = 0;
        string? error = null;
        var cutoff = Cutoff(startedAt, settings.ActivityExpirationSeconds);
        try
        {
            if (cutoff is not null)
            {
                var batch = Math.Max(1, settings.RetentionBatchSize);
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                int count;
                do
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    // DELETE … WHERE Id IN (SELECT Id … WHERE CreatedAt < @cutoff ORDER BY CreatedAt, Id LIMIT @batch):
                    // the subquery walks the (CreatedAt, Id) index from its start.
                    var oldest = Unheld(db, db.Activities.Where(a => a.CreatedAt < cutoff))
                        .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).Take(batch).Select(a => a.Id);
                    count = await db.Activities.Where(a => oldest.Contains(a.Id)).ExecuteDeleteAsync(cancellationToken);
                    deleted += count;
                }
                while (count == batch);
                if (deleted > 0)
                {
                    // Each check is a seek on the (Username, CreatedAt) index.
                    await db.RecordedUsernames.Where(r => !db.Activities.Any(a => a.Username == r.Username))
                        .ExecuteDeleteAsync(cancellationToken);
                }
            }
        }
        catch (OperationCanceledException)
        {
            error = $"Cancelled after deleting {deleted} activities";
        }
        catch (Exception ex)
        {
            error = ex.Message;
            logger.LogError(ex, "Activity retention failed after deleting {Count} activities", deleted);
        }
        if (deleted > 0 || error is not null)
        {
            logger.LogInformation("Activity retention deleted {Count} activities", deleted);
        }
        // Recorded even on shutdown: the token may be cancelled already.
        await RecordAsync(startedAt, deleted, error);
        if (deleted > 0 || error is not null)
        {
            await recorder.RecordAsync(new ActivityEntry(SupportedActions.AuditLogRetentionRun)
            {
                Snapshot = new Dictionary<string, string?>
                {
                    ["cutoff"] = cutoff?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                    ["deleted"] = deleted.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["error"] = error is { Length: > 200 } ? error[..200] : error,
                },
            }, CancellationToken.None);
        }
        return deleted;
    }

    /// <summary>The activities no hold keeps: at or below every reader's position.</summary>
    private IQueryable<Activity> Unheld(AuditAdminDbContext db, IQueryable<Activity> activities)
    {
        foreach (var hold in holds)
        {
            var readUpTo = hold.ReadUpTo(db);
            activities = activities.Where(a => !readUpTo.Any(position => a.Id > position));
        }
        return activities;
    }

    /// <summary>The last run, or null before the first one.</summary>
    public async Task<ActivityRetentionStatus?> GetLastRunAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.MaintenanceRuns.AsNoTracking().Where(r => r.Name == MaintenanceTasks.ActivityRetention)
            .Select(r => new ActivityRetentionStatus(r.LastRunAt, r.LastAffectedCount, r.LastError))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// The newest runs that removed activities or failed, from their chain-of-custody records: a history that outlives
    /// the single "last run" row (and that retention itself ages out with the rest of the log).
    /// </summary>
    public async Task<IReadOnlyList<ActivityRetentionRun>> GetHistoryAsync(int count, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var records = await db.Activities.AsNoTracking().Where(a => a.Action == SupportedActions.AuditLogRetentionRun)
            .OrderByDescending(a => a.Id).Take(count).Select(a => new { a.CreatedAt, a.Snapshot })
            .ToListAsync(cancellationToken);
        return [.. records.Select(r => ParseRun(r.CreatedAt, r.Snapshot))];
    }

    private static ActivityRetentionRun ParseRun(DateTime at, string? snapshot)
    {
        var values = ActivitySnapshot.ReadStrings(snapshot);
        return new ActivityRetentionRun(DateTime.SpecifyKind(at, DateTimeKind.Utc),
            DateTime.TryParse(values.GetValueOrDefault("cutoff"), System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var cutoff) ? cutoff : null,
            long.TryParse(values.GetValueOrDefault("deleted"), System.Globalization.CultureInfo.InvariantCulture, out var deleted) ? deleted : 0,
            values.GetValueOrDefault("error"));
    }

    private static DateTime? Cutoff(DateTime now, long expirationSeconds) =>
        expirationSeconds <= 0 || expirationSeconds >= (now - DateTime.MinValue).TotalSeconds
            ? null
            : now.AddSeconds(-expirationSeconds);

    private async Task RecordAsync(DateTime startedAt, long deleted, string? error)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            var run = await db.MaintenanceRuns.FindAsync(MaintenanceTasks.ActivityRetention);
            if (run is null)
            {
                run = new MaintenanceRun { Name = MaintenanceTasks.ActivityRetention };
                db.MaintenanceRuns.Add(run);
            }
            run.LastRunAt = startedAt;
            run.LastAffectedCount = deleted;
            run.LastError = error is { Length: > 2000 } ? error[..2000] : error;
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not record the activity retention run");
        }
    }
}
