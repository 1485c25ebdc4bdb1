using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Activities;

namespace AuditAdmin.Core.Features.Export;

/// <summary>An export in progress has yet to read the activities after its cursor: retention leaves them alone.</summary>
internal sealed class ExportRetentionHold : IActivityRetentionHold
{
    public IQueryable<long> ReadUpTo(AuditAdminDbContext db) =>
        db.AuditLogBulkExportJobs.Where(j => ExportStatus.InProgress.Contains(j.Status)).Select(j => j.LastExportedId);
}
