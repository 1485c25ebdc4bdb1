using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Core.Features.Export;

/// <summary>An export job as a notification's reader sees it now.</summary>
/// <param name="AttachmentId">The zip, while it can be downloaded.</param>
/// <param name="AsOfAt">The moment the export is complete as of (its as-of boundary).</param>
public sealed record ExportNotificationDetails(
    Guid JobId, string Status, DateTime CreatedAt, DateTime? CompletedAt, long TotalExportedCount, Guid? AttachmentId, DateTime AsOfAt);

/// <summary>The kinds of export notification, as <see cref="NotificationTarget.Kind"/> names them.</summary>
internal static class ExportNotificationKinds
{
    public const string Ready = "ExportReady";
    public const string DownloadExpired = "ExportDownloadExpired";
    public const string Failed = "ExportFailed";
    public const string JobExpired = "ExportJobExpired";
    public const string NoResults = "ExportNoResults";
    public const string Cancelled = "ExportCancelled";
}

/// <summary>Export's contribution to the notification feed: what each export notice means for its job now.</summary>
internal sealed class ExportNotificationTargets(IDbContextFactory<AuditAdminDbContext> dbFactory, ExportDownloads downloads)
    : INotificationTargetResolver
{
    public string TargetModel => ExportService.TargetModel;

    public async Task<IReadOnlyDictionary<Guid, NotificationTarget>> ResolveAsync(
        string readerId, IReadOnlyList<InAppNotification> notifications, CancellationToken cancellationToken)
    {
        var jobIds = notifications.Select(n => Guid.TryParse(n.TargetId, out var id) ? id : (Guid?)null).OfType<Guid>().Distinct().ToList();
        List<AuditLogBulkExportJob> jobs;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            // The owner filter is defence in depth: a notification never points at someone else's job.
            jobs = await db.AuditLogBulkExportJobs.AsNoTracking().Where(j => j.UserId == readerId && jobIds.Contains(j.Id))
                .ToListAsync(cancellationToken);
        }
        var states = await downloads.StatesAsync(jobs, cancellationToken);
        var byId = jobs.ToDictionary(j => j.Id);

        var targets = new Dictionary<Guid, NotificationTarget>();
        foreach (var notification in notifications)
        {
            var job = Guid.TryParse(notification.TargetId, out var jobId) ? byId.GetValueOrDefault(jobId) : null;
            var state = job is null ? null : states[job.Id];
            if (KindOf(notification.Action, state) is not var (kind, tone))
            {
                continue;
            }
            var details = job is null
                ? null
                : new ExportNotificationDetails(job.Id, job.Status, job.CreatedAt, job.CompletedAt, job.TotalExportedCount, state!.AttachmentId,
                    job.AsOfAt);
            var openUrl = kind == ExportNotificationKinds.Ready ? ExportDownloadPaths.For(state!.AttachmentId!.Value) : null;
            // Only a ready zip leads somewhere: every other notice is shown disabled (as GROWI does), its reason in the tooltip.
            targets[notification.Id] = new NotificationTarget(kind, tone, openUrl, Disabled: openUrl is null, details);
        }
        return targets;
    }

    private static (string Kind, NotificationTone Tone)? KindOf(string action, ExportDownloadState? state) => action switch
    {
        SupportedActions.AuditLogBulkExportCompleted when state is { Available: true } => (ExportNotificationKinds.Ready, NotificationTone.Success),
        SupportedActions.AuditLogBulkExportCompleted => (ExportNotificationKinds.DownloadExpired, NotificationTone.Neutral),
        SupportedActions.AuditLogBulkExportFailed => (ExportNotificationKinds.Failed, NotificationTone.Error),
        SupportedActions.AuditLogBulkExportJobExpired => (ExportNotificationKinds.JobExpired, NotificationTone.Warning),
        SupportedActions.AuditLogBulkExportNoResults => (ExportNotificationKinds.NoResults, NotificationTone.Info),
        SupportedActions.AuditLogBulkExportCancelled => (ExportNotificationKinds.Cancelled, NotificationTone.Neutral),
        _ => null,
    };
}

/// <summary>Where an export zip is downloaded (GET /download/{attachmentId}).</summary>
public static class ExportDownloadPaths
{
    public static string For(Guid attachmentId) => $"/download/{attachmentId}";
}
