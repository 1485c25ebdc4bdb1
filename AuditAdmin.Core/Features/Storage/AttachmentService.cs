using AuditAdmin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Core.Features.Storage;

/// <summary>Attachments: a stored file plus its row. Only the creator may read one.</summary>
public sealed class AttachmentService(IDbContextFactory<AuditAdminDbContext> dbFactory, IFileStorage storage)
{
    /// <summary>The attachment if it exists and belongs to <paramref name="userId"/>; null otherwise (no hint which).</summary>
    public async Task<Attachment?> FindOwnedAsync(string userId, Guid attachmentId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Attachments.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == attachmentId && a.CreatorId == userId, cancellationToken);
    }

    /// <summary>Those of <paramref name="attachmentIds"/> that still have a row (cleanup removes rows it has deleted the file of).</summary>
    public async Task<IReadOnlySet<Guid>> FindExistingAsync(IReadOnlyCollection<Guid> attachmentIds, CancellationToken cancellationToken)
    {
        if (attachmentIds.Count == 0)
        {
            return new HashSet<Guid>();
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await db.Attachments.Where(a => attachmentIds.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken)).ToHashSet();
    }

    public Task<Stream?> OpenReadAsync(Attachment attachment, CancellationToken cancellationToken) =>
        storage.OpenReadAsync(attachment.FileName, cancellationToken);

    /// <summary>Removes the stored file, then the row (so a failed file deletion leaves the row for the next attempt).</summary>
    public async Task<bool> DeleteAsync(Guid attachmentId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var attachment = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId, cancellationToken);
        if (attachment is null)
        {
            return false;
        }
        await storage.DeleteAsync(attachment.FileName, cancellationToken);
        return await db.Attachments.Where(a => a.Id == attachmentId).ExecuteDeleteAsync(cancellationToken) > 0;
    }
}
