using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Export.Request;
using AuditAdmin.Core.Features.Export.Scheduling;
using AuditAdmin.Core.Features.Export.Sources;
using AuditAdmin.Core.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AuditAdmin.Core.Features.Export;

/// <summary>Where a request came from, for the activity that records it.</summary>
public sealed record RequestOrigin(string? Ip, string? Endpoint);

/// <summary>Requests exports and reads a user's own jobs.</summary>
public sealed class ExportService
{
    private readonly IDbContextFactory<AuditAdminDbContext> _dbFactory;
    private readonly IExportJobTrigger _trigger;
    private readonly ExportJobActivity _activity;
    private readonly NotificationBroadcaster _broadcaster;
    private readonly TimeProvider _clock;
    private readonly ILogger<ExportService> _logger;

    // Internal: its collaborators are the feature's internals. The container builds it through Create.
    internal ExportService(IDbContextFactory<AuditAdminDbContext> dbFactory, IExportJobTrigger trigger, ExportJobActivity activity,
        NotificationBroadcaster broadcaster, TimeProvider clock, ILogger<ExportService> logger)
    {
        _dbFactory = dbFactory;
        _trigger = trigger;
        _activity = activity;
        _broadcaster = broadcaster;
        _clock = clock;
        _logger = logger;
    }

    internal static ExportService Create(IServiceProvider services) => new(
        services.GetRequiredService<IDbContextFactory<AuditAdminDbContext>>(),
        services.GetRequiredService<IExportJobTrigger>(),
        services.GetRequiredService<ExportJobActivity>(),
        services.GetRequiredService<NotificationBroadcaster>(),
        services.GetRequiredService<TimeProvider>(),
        services.GetRequiredService<ILogger<ExportService>>());

    /// <summary>The request activity: part of the chain of custody, so recorded whatever the action group.</summary>
    public const string RequestAction = SupportedActions.AuditLogBulkExportRequested;

    public const string TargetModel = "AuditLogBulkExportJob";

    /// <inheritdoc cref="RequestAsync(string, ExportFilters, string, bool, RequestOrigin?, CancellationToken)"/>
    public Task<ExportRequestResult> RequestAsync(string userId, ExportFilters filters, bool restartJob, CancellationToken cancellationToken) =>
        RequestAsync(userId, filters, ExportFormatNames.Json, restartJob, origin: null, cancellationToken);

    /// <inheritdoc cref="RequestAsync(string, ExportFilters, string, bool, RequestOrigin?, CancellationToken)"/>
    public Task<ExportRequestResult> RequestAsync(string userId, ExportFilters filters, bool restartJob, RequestOrigin? origin,
        CancellationToken cancellationToken) =>
        RequestAsync(userId, filters, ExportFormatNames.Json, restartJob, origin, cancellationToken);

    /// <summary>
    /// Creates the export job in <paramref name="format"/> (json, ndjson or csv) and starts it at once. The database's
    /// unique filtered index decides duplicates (same user, filters and format in progress), so concurrent identical
    /// requests create one job: the others get <see cref="ExportRequestResult.Duplicate"/>, or, with
    /// <paramref name="restartJob"/>, flag the running job for a restart from scratch.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown format or action, dateFrom after dateTo, or oversized filters.</exception>
    public async Task<ExportRequestResult> RequestAsync(string userId, ExportFilters filters, string format, bool restartJob,
        RequestOrigin? origin, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        if (!ExportFormatNames.IsKnown(format))
        {
            throw new ArgumentException($"'{format}' is not an export format.", nameof(format));
        }
        var canonical = CanonicalExportFilters.From(filters);

        // Looking first keeps the usual duplicate out of the error log (EF logs a refused insert as an error); the
        // index still decides a race. A duplicate can also finish between the two steps: then simply go round again.
        for (var attempt = 0; ; attempt++)
        {
            if (attempt > 5)
            {
                throw new InvalidOperationException("The export job could not be created: its duplicate kept changing.");
            }
            var running = await FindInProgressAsync(userId, canonical.Hash, format, cancellationToken);
            if (running is null)
            {
                if (await TryInsertAsync(userId, canonical, format, cancellationToken) is { } created)
                {
                    await AcceptedAsync(userId, created, RequestAction, canonical, format, origin, cancellationToken);
                    return new ExportRequestResult.Accepted(created, Restarted: false);
                }
                continue;
            }
            if (!restartJob)
            {
                return new ExportRequestResult.Duplicate(running.Id, running.CreatedAt);
            }
            if (await FlagRestartAsync(running.Id, canonical, cancellationToken))
            {
                await AcceptedAsync(userId, running.Id, SupportedActions.AuditLogBulkExportRestarted, canonical, format, origin, cancellationToken);
                return new ExportRequestResult.Accepted(running.Id, Restarted: true);
            }
        }
    }

    public async Task<IReadOnlyList<AuditLogBulkExportJob>> ListJobsAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditLogBulkExportJobs.AsNoTracking().Where(j => j.UserId == userId)
            .OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id).Take(200).ToListAsync(cancellationToken);
    }

    /// <summary>One of the user's jobs; null for a job of anyone else.</summary>
    public async Task<AuditLogBulkExportJob?> FindJobAsync(string userId, Guid jobId, CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditLogBulkExportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId && j.UserId == userId, cancellationToken);
    }

    private async Task<Guid?> TryInsertAsync(string userId, CanonicalExportFilters canonical, string format, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var asOf = await ExportBoundary.HighestActivityIdAsync(db, cancellationToken);
        var job = new AuditLogBulkExportJob
        {
            Id = Guid.CreateVersion7(_clock.GetUtcNow()),
            UserId = userId,
            Filters = canonical.Json,
            FilterHash = canonical.Hash,
            Format = format,
            Status = ExportStatus.Exporting,
            AsOfActivityId = asOf,
            AsOfAt = now,
            EstimatedTotal = await CountAsync(db, canonical, asOf, cancellationToken),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.AuditLogBulkExportJobs.Add(job);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return job.Id;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            return null;
        }
    }

    private async Task<AuditLogBulkExportJob?> FindInProgressAsync(string userId, string filterHash, string format, CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditLogBulkExportJobs.AsNoTracking()
            .Where(j => j.UserId == userId && j.FilterHash == filterHash && j.Format == format
                && ExportStatus.InProgress.Contains(j.Status))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// The records the export will hold: those matching its filters up to its boundary, counted with the boundary
    /// (the export's own query, <see cref="ExportActivityQuery"/>), so progress is "exported of total".
    /// </summary>
    private static Task<long> CountAsync(AuditAdminDbContext db, CanonicalExportFilters canonical, long asOf, CancellationToken cancellationToken) =>
        ExportActivityQuery.Filter(db.Activities.AsNoTracking(), CanonicalExportFilters.Parse(canonical.Json), afterId: 0, asOf)
            .LongCountAsync(cancellationToken);

    private async Task<bool> FlagRestartAsync(Guid jobId, CanonicalExportFilters canonical, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        // The restarted export is as of this request: the boundary moves with it.
        var asOf = await ExportBoundary.HighestActivityIdAsync(db, cancellationToken);
        var total = await CountAsync(db, canonical, asOf, cancellationToken);
        return await db.AuditLogBulkExportJobs
            .Where(j => j.Id == jobId && ExportStatus.InProgress.Contains(j.Status))
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.RestartFlag, true)
                .SetProperty(j => j.AsOfActivityId, asOf)
                .SetProperty(j => j.EstimatedTotal, total)
                .SetProperty(j => j.AsOfAt, now)
                .SetProperty(j => j.UpdatedAt, now), cancellationToken) > 0;
    }

    private async Task AcceptedAsync(string userId, Guid jobId, string action, CanonicalExportFilters canonical, string format,
        RequestOrigin? origin, CancellationToken cancellationToken)
    {
        try
        {
            await _trigger.TriggerAsync(jobId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The job is stored; the periodic sweep starts it if the scheduler could not be reached now.
            _logger.LogWarning(ex, "Could not trigger export job {JobId} at once", jobId);
        }

        await _activity.RecordAsync(userId, jobId, action, origin, cancellationToken,
            new Dictionary<string, string?> { ["filterHash"] = canonical.Hash, ["format"] = format });
        await _broadcaster.PublishAsync(userId);
    }
}
