using AuditAdmin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Core.Identity;

/// <summary>A user's rights as the database holds them now, not as a cookie or a circuit remembers them.</summary>
public sealed record UserAccess(string UserId, string? UserName, bool IsActive, UserRole Role, string? SecurityStamp)
{
    public bool IsAdmin => IsActive && Role == UserRole.Admin;

    /// <summary>Admin or auditor, and active: may read and export the audit log.</summary>
    public bool IsAuditReader => IsActive && Role is UserRole.Admin or UserRole.Auditor;
}

/// <summary>
/// Reads <see cref="UserAccess"/> with one query on a short-lived context, so that every privileged action can
/// re-check its actor (a role revoked or an account deactivated in another session bites on the next action).
/// </summary>
public sealed class UserAccessReader(IDbContextFactory<AuditAdminDbContext> dbFactory)
{
    /// <summary>Null when there is no such user.</summary>
    public async Task<UserAccess?> FindAsync(string? userId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(userId))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new
            {
                u.Id,
                u.UserName,
                u.IsActive,
                u.SecurityStamp,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new UserAccess(row.Id, row.UserName, row.IsActive, UserRoles.FromRoleNames(row.Roles), row.SecurityStamp);
    }
}
