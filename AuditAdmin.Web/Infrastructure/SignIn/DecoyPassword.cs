using AuditAdmin.Core.Identity;
using Microsoft.AspNetCore.Identity;

namespace AuditAdmin.Web.Infrastructure.SignIn;

/// <summary>
/// Verifies a password against a hash no account has, so that a sign-in with an unknown, inactive or locked-out
/// account costs the same hashing work as a wrong password for a real one: the answer's timing tells nothing.
/// </summary>
internal sealed class DecoyPassword
{
    private static readonly AppUser Nobody = new();

    private string? _hash;

    /// <summary>Uses the app's own hasher (scoped, hence passed in), so the work matches whatever it is configured to do.</summary>
    public void Verify(IPasswordHasher<AppUser> hasher, string password)
    {
        var hash = _hash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(Nobody, hash, password);
    }
}
