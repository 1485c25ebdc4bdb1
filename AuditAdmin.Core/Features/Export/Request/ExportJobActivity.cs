using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Activities;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Core.Features.Export.Request;

/// <summary>
/// Records what happened to an export job (requested, completed, failed, expired…) as an activity of its owner,
/// under the owner's current username, targeting the job.
/// </summary>
internal sealed class ExportJobActivity(IDbContextFactory<AuditAdminDbContext> dbFactory, IActivityRecorder recorder)
{
    public async Task RecordAsync(string ownerId, Guid jobId, string action, RequestOrigin? origin, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? snapshot = null)
    {
        string? username;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            username = await db.Users.Where(u => u.Id == ownerId).Select(u => u.UserName).FirstOrDefaultAsync(cancellationToken);
        }
        await recorder.RecordAsync(new ActivityEntry(action)
        {
            UserId = ownerId,
            Username = username,
            TargetModel = ExportService.TargetModel,
            Target = jobId.ToString(),
            Ip = origin?.Ip,
            Endpoint = origin?.Endpoint,
            Snapshot = snapshot,
        }, cancellationToken);
    }
}
