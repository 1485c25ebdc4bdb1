using AuditAdmin.Core.Data;

namespace AuditAdmin.Core.Features.Activities;

/// <summary>
/// Contributed by a feature that still has to read some activities (an export in progress): retention deletes no
/// activity above any id the hold gives. The ids are a query, so the check runs inside retention's own DELETE.
/// </summary>
public interface IActivityRetentionHold
{
    /// <summary>For each reader, the highest activity id it no longer needs; activities above it are kept.</summary>
    IQueryable<long> ReadUpTo(AuditAdminDbContext db);
}
