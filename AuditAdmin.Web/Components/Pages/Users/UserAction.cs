namespace AuditAdmin.Web.Components.Pages.Users;

public enum UserAction
{
    GrantAdmin,
    RevokeAdmin,
    GrantAuditor,
    RevokeAuditor,
    Unlock,
    Tokens,
    Preferences,
    ResetPassword,
    Deactivate,
    Reactivate,
}
