namespace AuditAdmin.Core.Identity;

public static class Roles
{
    public const string Admin = nameof(Admin);
}
