using AuditAdmin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Core.Features.Export;

/// <summary>Requests exports and reads a user's own jobs.</summary>
public sealed class ExportService(IDbContextFactory<AuditAdminDbContext> dbFactory)
{
    public Task<ExportRequestResult> RequestAsync(string userId, ExportFilters filters, bool restartJob, CancellationToken cancellationToken) =>
        throw new NotImplementedException("Arrives with the export pipeline.");

    public async Task<IReadOnlyList<AuditLogBulkExportJob>> ListJobsAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditLogBulkExportJobs.AsNoTracking().Where(j => j.UserId == userId)
            .OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id).Take(200).ToListAsync(cancellationToken);
    }

    /// <summary>One of the user's jobs; null for a job of anyone else.</summary>
    public async Task<AuditLogBulkExportJob?> FindJobAsync(string userId, Guid jobId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditLogBulkExportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId && j.UserId == userId, cancellationToken);
    }
}
