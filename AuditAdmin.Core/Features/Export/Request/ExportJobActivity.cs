using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Activities;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Core.Features.Export.Request;

/// <summary>
/// Records what happened to an export job (requested, completed, failed, expired…) as an activity of its owner,
/// under the owner's current username, targeting the job.
/// </summary>
internal sealed class ExportJobActivity(IDbContextFactory<AuditAdminDbContext> dbFactory, ActivityRecorder recorder)
{
    public async Task RecordAsync(string ownerId, Guid jobId, string action, RequestOrigin? origin, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? snapshot = null) =>
        await recorder.RecordAsync(await EntryAsync(ownerId, jobId, action, origin, snapshot, cancellationToken), cancellationToken);

    /// <summary>The activity, unsaved, for a caller that stores it in the transaction of the change it records.</summary>
    public async Task<Activity?> CreateAsync(string ownerId, Guid jobId, string action, CancellationToken cancellationToken) =>
        recorder.Create(await EntryAsync(ownerId, jobId, action, origin: null, snapshot: null, cancellationToken));

    private async Task<ActivityEntry> EntryAsync(string ownerId, Guid jobId, string action, RequestOrigin? origin,
        IReadOnlyDictionary<string, string?>? snapshot, CancellationToken cancellationToken)
    {
        string? username;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            username = await db.Users.Where(u => u.Id == ownerId).Select(u => u.UserName).FirstOrDefaultAsync(cancellationToken);
        }
        return new ActivityEntry(action)
        {
            UserId = ownerId,
            Username = username,
            TargetModel = ExportService.TargetModel,
            Target = jobId.ToString(),
            Ip = origin?.Ip,
            Endpoint = origin?.Endpoint,
            Snapshot = snapshot,
        };
    }
}
