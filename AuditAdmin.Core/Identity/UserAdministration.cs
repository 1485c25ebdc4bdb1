using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Activities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Core.Identity;

/// <summary>
/// Account management shared by the Users page, the CLI and the first-run bootstrap. Enforces the guard rails:
/// nobody deactivates or demotes themself, and the last active admin stays. Use one instance per operation
/// (it works on a scoped context).
/// </summary>
public sealed partial class UserAdministration(
    AuditAdminDbContext db,
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    IActivityRecorder recorder,
    TimeProvider clock)
{
    public const int MaxPageSize = 100;

    public async Task<UserPage> ListAsync(string? search, int skip, int take, CancellationToken cancellationToken)
    {
        take = Math.Clamp(take, 1, MaxPageSize);
        var adminRoleId = await AdminRoleIdAsync(cancellationToken);
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var normalized = search.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedUserName!.Contains(normalized) || u.NormalizedEmail!.Contains(normalized));
        }
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(u => u.NormalizedUserName).Skip(Math.Max(skip, 0)).Take(take)
            .Select(u => new UserSummary(u.Id, u.UserName!, u.Email,
                db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == adminRoleId),
                u.Language, u.TimeZone, u.IsActive, u.CreatedAt))
            .ToListAsync(cancellationToken);
        return new UserPage(items, total);
    }

    public async Task<int> CountActiveAdminsAsync(CancellationToken cancellationToken)
    {
        var adminRoleId = await AdminRoleIdAsync(cancellationToken);
        return await db.Users.CountAsync(
            u => u.IsActive && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == adminRoleId), cancellationToken);
    }

    public Task<AppUser?> FindByNameAsync(string userName) => users.FindByNameAsync(userName.Trim());

    public async Task EnsureAdminRoleAsync()
    {
        if (!await roles.RoleExistsAsync(Roles.Admin))
        {
            var created = await roles.CreateAsync(new IdentityRole(Roles.Admin));
            if (!created.Succeeded && !await roles.RoleExistsAsync(Roles.Admin))
            {
                throw new InvalidOperationException("Could not create the Admin role: " + string.Join(" ", created.Errors.Select(e => e.Description)));
            }
        }
    }

    /// <summary>Creates an account; returns its id.</summary>
    public async Task<UserAdminResult<string>> CreateAsync(NewUser input, UserAdminActor actor, CancellationToken cancellationToken)
    {
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
        if (input.IsAdmin)
        {
            await EnsureAdminRoleAsync();
        }

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
            if (created.Succeeded && input.IsAdmin)
            {
                created = await users.AddToRoleAsync(user, Roles.Admin);
            }
            return created.Succeeded ? UserAdminResult.Success : new UserAdminResult(UserAdminResult.From(created));
        }, cancellationToken);
        if (!result.Succeeded)
        {
            return UserAdminResult.Fail<string>(result.Errors);
        }
        await RecordAsync(SupportedActions.UserRegistrationSuccess, actor, user, cancellationToken);
        if (input.IsAdmin)
        {
            await RecordAsync(SupportedActions.AdminUsersGrantAdmin, actor, user, cancellationToken);
        }
        return UserAdminResult.Ok(user.Id);
    }

    /// <summary>Language and time zone (null: the browser's zone is taken at the next sign-in).</summary>
    public async Task<UserAdminResult> SetPreferencesAsync(string userId, string language, string? timeZone, UserAdminActor actor,
        CancellationToken cancellationToken)
    {
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

    /// <summary>Sets the given password, or a generated one when null; returns it so it can be shown once. Ends the user's sessions.</summary>
    public async Task<UserAdminResult<string>> ResetPasswordAsync(string userId, string? newPassword, UserAdminActor actor,
        CancellationToken cancellationToken)
    {
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
        await RecordAsync(SupportedActions.AdminUsersPasswordReset, actor, target, cancellationToken);
        return UserAdminResult.Ok(password);
    }

    private async Task<string?> AdminRoleIdAsync(CancellationToken cancellationToken)
    {
        var normalized = roles.NormalizeKey(Roles.Admin);
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

    private Task RecordAsync(string action, UserAdminActor actor, AppUser target, CancellationToken cancellationToken) =>
        recorder.RecordAsync(new ActivityEntry(action)
        {
            UserId = actor.UserId,
            Username = actor.UserName,
            TargetModel = "User",
            Target = target.Id,
            Ip = actor.Ip,
            Endpoint = actor.Endpoint,
            Snapshot = new Dictionary<string, string?> { ["targetUsername"] = target.UserName },
        }, cancellationToken);
}
