namespace AuditAdmin.Core.Identity;

public sealed record UserSummary(string Id, string UserName, string? Email, UserRole Role, string Language, string? TimeZone,
    bool IsActive, DateTime CreatedAt, bool IsLockedOut = false)
{
    public bool IsAdmin => Role == UserRole.Admin;
}

public sealed record UserPage(IReadOnlyList<UserSummary> Items, int TotalCount);

public sealed record NewUser(string UserName, string Email, string Password, UserRole Role = UserRole.User,
    string? Language = null, string? TimeZone = null);

/// <summary>Who makes a change: a signed-in admin, or the operator (CLI, first-run bootstrap) when UserId is null.</summary>
public sealed record UserAdminActor(string? UserId, string? UserName, string? Ip = null, string? Endpoint = null)
{
    public static UserAdminActor Operator(string endpoint) => new(null, null, null, endpoint);

    public bool IsOperator => UserId is null;
}
