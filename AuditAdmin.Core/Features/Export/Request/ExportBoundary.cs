using AuditAdmin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Core.Features.Export.Request;

/// <summary>The as-of boundary of an export: the highest activity id at the moment it is requested or restarted.</summary>
internal static class ExportBoundary
{
    public static async Task<long> HighestActivityIdAsync(AuditAdminDbContext db, CancellationToken cancellationToken) =>
        await db.Activities.MaxAsync(a => (long?)a.Id, cancellationToken) ?? 0;
}
