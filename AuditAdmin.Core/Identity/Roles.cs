namespace AuditAdmin.Core.Identity;

/// <summary>Identity role names. A user holds at most one of them (see <see cref="UserRole"/>).</summary>
public static class Roles
{
    /// <summary>Everything: the audit log, exports, users, tokens of others, settings.</summary>
    public const string Admin = nameof(Admin);

    /// <summary>Reads the audit log, exports it, downloads their own zips, verifies bundles; manages nobody.</summary>
    public const string Auditor = nameof(Auditor);

    /// <summary>The roles that may read and export the audit log.</summary>
    public static readonly IReadOnlyList<string> AuditReaders = [Admin, Auditor];

    public static readonly IReadOnlyList<string> All = [Admin, Auditor];
}

/// <summary>What a user may do, from the one role they hold (none: a plain user).</summary>
public enum UserRole
{
    User,
    Auditor,
    Admin,
}

public static class UserRoles
{
    /// <summary>The Identity role of a <see cref="UserRole"/>; null for a plain user.</summary>
    public static string? RoleName(this UserRole role) => role switch
    {
        UserRole.Admin => Roles.Admin,
        UserRole.Auditor => Roles.Auditor,
        _ => null,
    };

    /// <summary>"admin", "auditor" or "user" (any case), as the CLI spells them.</summary>
    public static bool TryParse(string? text, out UserRole role)
    {
        role = UserRole.User;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "admin":
                role = UserRole.Admin;
                return true;
            case "auditor":
                role = UserRole.Auditor;
                return true;
            case "user":
                return true;
            default:
                return false;
        }
    }

    public static string CliName(this UserRole role) => role.ToString().ToLowerInvariant();

    /// <summary>The strongest role among the names (Admin over Auditor), as stored in Identity.</summary>
    public static UserRole FromRoleNames(IEnumerable<string?> names)
    {
        var set = names.OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        return set.Contains(Roles.Admin) ? UserRole.Admin : set.Contains(Roles.Auditor) ? UserRole.Auditor : UserRole.User;
    }
}
