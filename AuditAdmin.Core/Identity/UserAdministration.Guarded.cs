using System.Data;
using AuditAdmin.Core.Features.Activities;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Core.Identity;

/// <summary>The changes with guard rails: nobody demotes or deactivates themself, and the last active admin stays.</summary>
public sealed partial class UserAdministration
{
    public async Task<UserAdminResult> SetAdminAsync(string userId, bool isAdmin, UserAdminActor actor, CancellationToken cancellationToken)
    {
        if (!isAdmin && actor.UserId == userId)
        {
            return UserAdminResult.Fail(UserAdminErrors.SelfDemote, "You cannot remove your own administrator role.");
        }
        await EnsureAdminRoleAsync();
        AppUser? target = null;
        var result = await InTransactionAsync(async () =>
        {
            target = await users.FindByIdAsync(userId);
            if (target is null)
            {
                return NotFound(userId);
            }
            if (await users.IsInRoleAsync(target, Roles.Admin) == isAdmin)
            {
                return UserAdminResult.Success;
            }
            if (!isAdmin && target.IsActive && await CountActiveAdminsAsync(cancellationToken) <= 1)
            {
                return LastAdmin();
            }
            var changed = isAdmin ? await users.AddToRoleAsync(target, Roles.Admin) : await users.RemoveFromRoleAsync(target, Roles.Admin);
            return changed.Succeeded ? UserAdminResult.Success : new UserAdminResult(UserAdminResult.From(changed));
        }, cancellationToken);
        if (result.Succeeded && target is not null)
        {
            await RecordAsync(isAdmin ? SupportedActions.AdminUsersGrantAdmin : SupportedActions.AdminUsersRevokeAdmin, actor, target, cancellationToken);
        }
        return result;
    }

    /// <summary>Deactivation also renews the security stamp, which ends the user's sessions; tokens are refused at once.</summary>
    public async Task<UserAdminResult> SetActiveAsync(string userId, bool isActive, UserAdminActor actor, CancellationToken cancellationToken)
    {
        if (!isActive && actor.UserId == userId)
        {
            return UserAdminResult.Fail(UserAdminErrors.SelfDeactivate, "You cannot deactivate your own account.");
        }
        AppUser? target = null;
        var result = await InTransactionAsync(async () =>
        {
            target = await users.FindByIdAsync(userId);
            if (target is null)
            {
                return NotFound(userId);
            }
            if (target.IsActive == isActive)
            {
                return UserAdminResult.Success;
            }
            if (!isActive && await users.IsInRoleAsync(target, Roles.Admin) && await CountActiveAdminsAsync(cancellationToken) <= 1)
            {
                return LastAdmin();
            }
            target.IsActive = isActive;
            var updated = await users.UpdateAsync(target);
            if (updated.Succeeded && !isActive)
            {
                updated = await users.UpdateSecurityStampAsync(target);
            }
            return updated.Succeeded ? UserAdminResult.Success : new UserAdminResult(UserAdminResult.From(updated));
        }, cancellationToken);
        if (result.Succeeded && target is not null)
        {
            await RecordAsync(isActive ? SupportedActions.AdminUsersActivate : SupportedActions.AdminUsersDeactivate, actor, target, cancellationToken);
        }
        return result;
    }

    /// <summary>
    /// The guard rails read then write; a serializable transaction (BEGIN IMMEDIATE on SQLite) keeps two admins
    /// who demote each other at the same moment from both succeeding.
    /// </summary>
    private Task<UserAdminResult> InTransactionAsync(Func<Task<UserAdminResult>> work, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
            var result = await work();
            if (result.Succeeded)
            {
                await transaction.CommitAsync(cancellationToken);
            }
            return result;
        });
    }

    private static UserAdminResult LastAdmin() =>
        UserAdminResult.Fail(UserAdminErrors.LastAdmin, "This is the last active administrator; make another user an administrator first.");
}
