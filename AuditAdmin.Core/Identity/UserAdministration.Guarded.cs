using System.Data;
using AuditAdmin.Core.Features.Activities;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Core.Identity;

/// <summary>The changes with guard rails: nobody changes their own role or deactivates themself, and the last active admin stays.</summary>
public sealed partial class UserAdministration
{
    /// <summary>
    /// Makes the user an admin, an auditor or a plain user. A change renews the security stamp: the user's sessions
    /// end, so no open tab keeps the old rights.
    /// </summary>
    public async Task<UserAdminResult> SetRoleAsync(string userId, UserRole role, UserAdminActor actor, CancellationToken cancellationToken)
    {
        if (await RefusedAsync(actor, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (actor.UserId == userId)
        {
            return UserAdminResult.Fail(UserAdminErrors.SelfDemote, "You cannot change your own role.");
        }
        await EnsureRolesAsync();
        AppUser? target = null;
        var previous = UserRole.User;
        var result = await InTransactionAsync(async () =>
        {
            target = await users.FindByIdAsync(userId);
            if (target is null)
            {
                return NotFound(userId);
            }
            previous = UserRoles.FromRoleNames(await users.GetRolesAsync(target));
            if (previous == role)
            {
                return UserAdminResult.Success;
            }
            if (previous == UserRole.Admin && target.IsActive && await CountActiveAdminsAsync(cancellationToken) <= 1)
            {
                return LastAdmin();
            }
            var held = (await users.GetRolesAsync(target)).Where(r => Roles.All.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
            var changed = held.Count > 0 ? await users.RemoveFromRolesAsync(target, held) : Microsoft.AspNetCore.Identity.IdentityResult.Success;
            if (changed.Succeeded && role.RoleName() is { } name)
            {
                changed = await users.AddToRoleAsync(target, name);
            }
            if (changed.Succeeded)
            {
                changed = await users.UpdateSecurityStampAsync(target);
            }
            return changed.Succeeded ? UserAdminResult.Success : new UserAdminResult(UserAdminResult.From(changed));
        }, cancellationToken);
        if (result.Succeeded && target is not null && previous != role)
        {
            if (RevokeAction(previous) is { } revoke)
            {
                await RecordAsync(revoke, actor, target, cancellationToken);
            }
            if (GrantAction(role) is { } grant)
            {
                await RecordAsync(grant, actor, target, cancellationToken);
            }
        }
        return result;
    }

    /// <summary>Deactivation also renews the security stamp, which ends the user's sessions; tokens are refused at once.</summary>
    public async Task<UserAdminResult> SetActiveAsync(string userId, bool isActive, UserAdminActor actor, CancellationToken cancellationToken)
    {
        if (await RefusedAsync(actor, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (actor.UserId == userId)
        {
            return UserAdminResult.Fail(UserAdminErrors.SelfDeactivate, "You cannot deactivate or reactivate your own account.");
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
            if (updated.Succeeded)
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

    private static string? GrantAction(UserRole role) => role switch
    {
        UserRole.Admin => SupportedActions.AdminUsersGrantAdmin,
        UserRole.Auditor => SupportedActions.AdminUsersGrantAuditor,
        _ => null,
    };

    private static string? RevokeAction(UserRole role) => role switch
    {
        UserRole.Admin => SupportedActions.AdminUsersRevokeAdmin,
        UserRole.Auditor => SupportedActions.AdminUsersRevokeAuditor,
        _ => null,
    };

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
