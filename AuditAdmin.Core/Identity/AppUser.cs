using Microsoft.AspNetCore.Identity;

namespace AuditAdmin.Core.Identity;

/// <summary>An account of AuditAdmin: an administrator or a plain user.</summary>
public sealed class AppUser : IdentityUser
{
    /// <summary>Preferred UI culture: one of <see cref="SupportedCultures.All"/>.</summary>
    public string Language { get; set; } = SupportedCultures.Default;

    /// <summary>
    /// IANA time zone id; dates are shown and date filters are interpreted in it.
    /// Null until chosen: the browser's zone is taken at the next sign-in.
    /// </summary>
    public string? TimeZone { get; set; }

    /// <summary>False once an admin deactivates the account: it can no longer sign in or use tokens.</summary>
    public bool IsActive { get; set; } = true;

    public DateTime CreatedAt { get; set; }
}
