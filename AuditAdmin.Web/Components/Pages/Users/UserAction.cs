namespace AuditAdmin.Web.Components.Pages.Users;

public enum UserAction
{
    GrantAdmin,
    RevokeAdmin,
    Preferences,
    ResetPassword,
    Deactivate,
    Reactivate,
}
