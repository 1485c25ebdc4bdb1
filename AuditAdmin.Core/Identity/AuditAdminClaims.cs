namespace AuditAdmin.Core.Identity;

/// <summary>Claims added to a signed-in principal beyond Identity's own.</summary>
public static class AuditAdminClaims
{
    public const string Language = "auditadmin:language";
    public const string TimeZone = "auditadmin:tz";

    /// <summary>A user claim (stored) on an account whose password was generated and written to the log: change it first.</summary>
    public const string MustChangePassword = "auditadmin:must-change-password";

    /// <summary>One claim per scope on principals authenticated by an access token.</summary>
    public const string Scope = "scope";

    /// <summary>How the principal authenticated: <see cref="AccessTokenMethod"/> for a bearer token.</summary>
    public const string AuthMethod = "amr";
    public const string AccessTokenMethod = "pat";
}
