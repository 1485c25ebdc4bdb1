using System.Globalization;
using System.Security.Claims;
using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Activities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Core.Identity;

/// <summary>
/// Account management shared by the Users page, the CLI and the first-run bootstrap. Enforces the guard rails:
/// every change by a signed-in actor re-reads that actor from the database and goes ahead only while they are an
/// active administrator (an open tab loses its rights on its next action); nobody changes their own role or
/// deactivates themself; the last active admin stays. Use one instance per operation (it works on a scoped context).
/// </summary>
public sealed partial class UserAdministration(
    AuditAdminDbContext db,
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    UserAccessReader access,
    AccessTokenService tokens,
    IActivityRecorder recorder,
    TimeProvider clock)
{
    public const int MaxPageSize = 100;

    public async Task<UserAdminResult<UserPage>> ListAsync(UserAdminActor actor, string? search, int skip, int take,
        CancellationToken cancellationToken)
    {
        if (await RefusedAsync(actor, cancellationToken) is { } refused)
        {
            return UserAdminResult.Fail<UserPage>(refused.Errors);
        }
        take = Math.Clamp(take, 1, MaxPageSize);
        var adminRoleId = await RoleIdAsync(Roles.Admin, cancellationToken);
        var auditorRoleId = await RoleIdAsync(Roles.Auditor, cancellationToken);
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var normalized = search.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedUserName!.Contains(normalized) || u.NormalizedEmail!.Contains(normalized));
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(u => u.NormalizedUserName).Skip(Math.Max(skip, 0)).Take(take)
            .Select(u => new
            {
                u.Id,
                u.UserName,
                u.Email,
                Role = db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == adminRoleId) ? UserRole.Admin
                    : db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == auditorRoleId) ? UserRole.Auditor
                    : UserRole.User,
                u.Language,
                u.TimeZone,
                u.IsActive,
                u.CreatedAt,
                u.LockoutEnd,
            })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var items = rows.Select(u => new UserSummary(u.Id, u.UserName!, u.Email, u.Role, u.Language, u.TimeZone, u.IsActive,
            u.CreatedAt, u.LockoutEnd > now)).ToList();
        return UserAdminResult.Ok(new UserPage(items, total));
    }

    public async Task<int> CountActiveAdminsAsync(CancellationToken cancellationToken)
    {
        var adminRoleId = await RoleIdAsync(Roles.Admin, cancellationToken);
        return await db.Users.CountAsync(
            u => u.IsActive && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == adminRoleId), cancellationToken);
    }

    public Task<AppUser?> FindByNameAsync(string userName) => users.FindByNameAsync(userName.Trim());

    /// <summary>Creates the Admin and Auditor roles when missing.</summary>
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (await roles.RoleExistsAsync(role))
            {
                continue;
            }
            var created = await roles.CreateAsync(new IdentityRole(role));
            if (!created.Succeeded && !await roles.RoleExistsAsync(role))
            {
                throw new InvalidOperationException($"Could not create the {role} role: " + string.Join(" ", created.Errors.Select(e => e.Description)));
            }
        }
    }

    /// <summary>Creates an account; returns its id.</summary>
    public async Task<UserAdminResult<string>> CreateAsync(NewUser input, UserAdminActor actor, CancellationToken cancellationToken)
    {
        if (await RefusedAsync(actor, cancellationToken) is { } refused)
        {
            return UserAdminResult.Fail<string>(refused.Errors);
        }
        var language = input.Language is null ? SupportedCultures.Default : SupportedCultures.Normalize(input.Language);
        if (language is null)
        {
            return UserAdminResult.Fail<string>(UserAdminErrors.UnsupportedLanguage, $"Unsupported language '{input.Language}'.");
        }
        if (!TryZone(input.TimeZone, out var zone))
        {
            return UserAdminResult.Fail<string>(UserAdminErrors.UnknownTimeZone, $"Unknown IANA time zone '{input.TimeZone}'.");
        }
        if (string.IsNullOrEmpty(input.Password))
        {
            return UserAdminResult.Fail<string>(UserAdminErrors.PasswordRequired, "A password is required.");
        }
        await EnsureRolesAsync();

        var user = new AppUser
        {
            UserName = input.UserName.Trim(),
            Email = input.Email.Trim(),
            Language = language,
            TimeZone = zone,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var result = await InTransactionAsync(async () =>
        {
            var created = await users.CreateAsync(user, input.Password);
            if (created.Succeeded && input.Role.RoleName() is { } role)
            {
                created = await users.AddToRoleAsync(user, role);
            }
            return created.Succeeded ? UserAdminResult.Success : new UserAdminResult(UserAdminResult.From(created));
        }, cancellationToken);
        if (!result.Succeeded)
        {
            return UserAdminResult.Fail<string>(result.Errors);
        }
        await RecordAsync(SupportedActions.UserRegistrationSuccess, actor, user, cancellationToken);
        if (GrantAction(input.Role) is { } grant)
        {
            await RecordAsync(grant, actor, user, cancellationToken);
        }
        return UserAdminResult.Ok(user.Id);
    }

    /// <summary>Language and time zone (null: the browser's zone is taken at the next sign-in).</summary>
    public async Task<UserAdminResult> SetPreferencesAsync(string userId, string language, string? timeZone, UserAdminActor actor,
        CancellationToken cancellationToken)
    {
        if (await RefusedAsync(actor, cancellationToken) is { } refused)
        {
            return refused;
        }
        var normalizedLanguage = SupportedCultures.Normalize(language);
        if (normalizedLanguage is null)
        {
            return UserAdminResult.Fail(UserAdminErrors.UnsupportedLanguage, $"Unsupported language '{language}'.");
        }
        if (!TryZone(timeZone, out var zone))
        {
            return UserAdminResult.Fail(UserAdminErrors.UnknownTimeZone, $"Unknown IANA time zone '{timeZone}'.");
        }
        var target = await users.FindByIdAsync(userId);
        if (target is null)
        {
            return NotFound(userId);
        }
        if (target.Language == normalizedLanguage && target.TimeZone == zone)
        {
            return UserAdminResult.Success;
        }
        target.Language = normalizedLanguage;
        target.TimeZone = zone;
        var updated = await users.UpdateAsync(target);
        if (!updated.Succeeded)
        {
            return new UserAdminResult(UserAdminResult.From(updated));
        }
        await RecordAsync(SupportedActions.UserPersonalSettingsUpdate, actor, target, cancellationToken);
        return UserAdminResult.Success;
    }

    /// <summary>
    /// Sets the given password, or a generated one when null; returns it so it can be shown once. Ends the user's
    /// sessions, revokes their access tokens (whoever knew the old password may have made some) and lifts a lockout.
    /// </summary>
    public async Task<UserAdminResult<string>> ResetPasswordAsync(string userId, string? newPassword, UserAdminActor actor,
        CancellationToken cancellationToken)
    {
        if (await RefusedAsync(actor, cancellationToken) is { } refused)
        {
            return UserAdminResult.Fail<string>(refused.Errors);
        }
        var target = await users.FindByIdAsync(userId);
        if (target is null)
        {
            return UserAdminResult.Fail<string>(NotFound(userId).Errors);
        }
        var password = string.IsNullOrEmpty(newPassword) ? PasswordGenerator.Generate() : newPassword;
        var resetToken = await users.GeneratePasswordResetTokenAsync(target);
        var reset = await users.ResetPasswordAsync(target, resetToken, password);
        if (!reset.Succeeded)
        {
            return UserAdminResult.Fail<string>(UserAdminResult.From(reset));
        }
        // An admin reset is also the way out of a lockout.
        await users.SetLockoutEndDateAsync(target, null);
        await users.ResetAccessFailedCountAsync(target);
        await ClearPasswordChangeAsync(target);
        var revoked = await tokens.RevokeAllAsync(target.Id, cancellationToken);
        await RecordAsync(SupportedActions.AdminUsersPasswordReset, actor, target, cancellationToken,
            ("revokedTokens", revoked.ToString(CultureInfo.InvariantCulture)));
        return UserAdminResult.Ok(password);
    }

    /// <summary>Lifts a lockout (too many failed sign-ins). Recorded only when the user was locked out.</summary>
    public async Task<UserAdminResult<bool>> UnlockAsync(string userId, UserAdminActor actor, CancellationToken cancellationToken)
    {
        if (await RefusedAsync(actor, cancellationToken) is { } refused)
        {
            return UserAdminResult.Fail<bool>(refused.Errors);
        }
        var target = await users.FindByIdAsync(userId);
        if (target is null)
        {
            return UserAdminResult.Fail<bool>(NotFound(userId).Errors);
        }
        var wasLocked = await users.IsLockedOutAsync(target);
        await users.SetLockoutEndDateAsync(target, null);
        await users.ResetAccessFailedCountAsync(target);
        if (wasLocked)
        {
            await RecordAsync(SupportedActions.AdminUsersUnlock, actor, target, cancellationToken);
        }
        return UserAdminResult.Ok(wasLocked);
    }

    /// <summary>Any user's tokens, for an administrator.</summary>
    public async Task<UserAdminResult<IReadOnlyList<AccessTokenInfo>>> ListTokensAsync(string userId, UserAdminActor actor,
        CancellationToken cancellationToken)
    {
        if (await RefusedAsync(actor, cancellationToken) is { } refused)
        {
            return UserAdminResult.Fail<IReadOnlyList<AccessTokenInfo>>(refused.Errors);
        }
        return UserAdminResult.Ok(await tokens.ListAsync(userId, cancellationToken));
    }

    /// <summary>An administrator revokes one of the user's tokens (recorded as the token's deletion, with its owner as target).</summary>
    public async Task<UserAdminResult> RevokeTokenAsync(string userId, long tokenId, UserAdminActor actor, CancellationToken cancellationToken)
    {
        if (await RefusedAsync(actor, cancellationToken) is { } refused)
        {
            return refused;
        }
        var target = await users.FindByIdAsync(userId);
        if (target is null)
        {
            return NotFound(userId);
        }
        if (!await tokens.RevokeAsync(userId, tokenId, cancellationToken))
        {
            return UserAdminResult.Fail(UserAdminErrors.TokenNotFound, $"User '{target.UserName}' has no token {tokenId}.");
        }
        await RecordAsync(SupportedActions.UserAccessTokenDelete, actor, target, cancellationToken,
            ("tokenId", tokenId.ToString(CultureInfo.InvariantCulture)));
        return UserAdminResult.Success;
    }

    /// <summary>The user must choose a new password at their next sign-in (the first-run admin's generated one).</summary>
    public async Task RequirePasswordChangeAsync(string userId)
    {
        var target = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException($"No user with id '{userId}'.");
        if (!(await users.GetClaimsAsync(target)).Any(IsPasswordChangeClaim))
        {
            await users.AddClaimAsync(target, new Claim(AuditAdminClaims.MustChangePassword, "true"));
        }
    }

    /// <summary>The user changes their own password (knowing the current one); lifts the obligation to change it.</summary>
    public async Task<UserAdminResult> ChangeOwnPasswordAsync(string userId, string currentPassword, string newPassword,
        UserAdminActor actor, CancellationToken cancellationToken)
    {
        var target = await users.FindByIdAsync(userId);
        if (target is null || !target.IsActive)
        {
            return UserAdminResult.Fail(UserAdminErrors.NotAuthorized, "This account cannot change its password.");
        }
        if (string.IsNullOrEmpty(newPassword))
        {
            return UserAdminResult.Fail(UserAdminErrors.PasswordRequired, "A password is required.");
        }
        if (newPassword == currentPassword)
        {
            return UserAdminResult.Fail(UserAdminErrors.PasswordUnchanged, "Choose a password different from the current one.");
        }
        var changed = await users.ChangePasswordAsync(target, currentPassword, newPassword);
        if (!changed.Succeeded)
        {
            return new UserAdminResult(UserAdminResult.From(changed));
        }
        await ClearPasswordChangeAsync(target);
        await RecordAsync(SupportedActions.UserPasswordUpdate, actor, target, cancellationToken);
        return UserAdminResult.Success;
    }

    private async Task ClearPasswordChangeAsync(AppUser target)
    {
        var pending = (await users.GetClaimsAsync(target)).Where(IsPasswordChangeClaim).ToList();
        if (pending.Count > 0)
        {
            await users.RemoveClaimsAsync(target, pending);
        }
    }

    private static bool IsPasswordChangeClaim(Claim claim) => claim.Type == AuditAdminClaims.MustChangePassword;

    /// <summary>Null when the actor may administer users now: the operator, or a user who is an active admin in the database.</summary>
    private async Task<UserAdminResult?> RefusedAsync(UserAdminActor actor, CancellationToken cancellationToken)
    {
        if (actor.IsOperator || (await access.FindAsync(actor.UserId, cancellationToken))?.IsAdmin == true)
        {
            return null;
        }
        return UserAdminResult.Fail(UserAdminErrors.NotAuthorized, "Only an active administrator can manage users.");
    }

    private async Task<string?> RoleIdAsync(string role, CancellationToken cancellationToken)
    {
        var normalized = roles.NormalizeKey(role);
        return await db.Roles.Where(r => r.NormalizedName == normalized).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
    }

    private static bool TryZone(string? timeZone, out string? zone)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(timeZone))
        {
            return true;
        }
        if (!UserTime.TryNormalizeIanaId(timeZone, out var normalized))
        {
            return false;
        }
        zone = normalized;
        return true;
    }

    private static UserAdminResult NotFound(string userId) =>
        UserAdminResult.Fail(UserAdminErrors.NotFound, $"No user with id '{userId}'.");

    private Task RecordAsync(string action, UserAdminActor actor, AppUser target, CancellationToken cancellationToken,
        params (string Key, string? Value)[] extra)
    {
        var snapshot = new Dictionary<string, string?> { ["targetUsername"] = target.UserName };
        foreach (var (key, value) in extra)
        {
            snapshot[key] = value;
        }
        return recorder.RecordAsync(new ActivityEntry(action)
        {
            UserId = actor.UserId,
            Username = actor.UserName,
            TargetModel = "User",
            Target = target.Id,
            Ip = actor.Ip,
            Endpoint = actor.Endpoint,
            Snapshot = snapshot,
        }, cancellationToken);
    }
}
