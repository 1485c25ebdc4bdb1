using Microsoft.AspNetCore.Identity;

namespace AuditAdmin.Core.Identity;

/// <summary>
/// An expected failure of a user-management operation. <see cref="Code"/> is a SharedResource key, so the UI can
/// show it in the reader's language; <see cref="Description"/> is English, for the CLI and the log.
/// </summary>
public sealed record UserAdminError(string Code, string Description);

public record UserAdminResult(IReadOnlyList<UserAdminError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static readonly UserAdminResult Success = new([]);

    public static UserAdminResult Fail(string code, string description) => new([new UserAdminError(code, description)]);

    /// <summary>Identity's errors (duplicate name, weak password...) under "Users_Error_&lt;IdentityCode&gt;" keys.</summary>
    public static IReadOnlyList<UserAdminError> From(IdentityResult result) =>
        result.Errors.Select(e => new UserAdminError(UserAdminErrors.IdentityPrefix + e.Code, e.Description)).ToList();

    public string Describe() => string.Join(" ", Errors.Select(e => e.Description));

    public static UserAdminResult<T> Ok<T>(T value) => new(value, []);

    public static UserAdminResult<T> Fail<T>(IReadOnlyList<UserAdminError> errors) => new(default, errors);

    public static UserAdminResult<T> Fail<T>(string code, string description) => new(default, [new UserAdminError(code, description)]);
}

/// <summary>A result that carries a value on success (a new user's id, a password to show once).</summary>
public sealed record UserAdminResult<T>(T? Value, IReadOnlyList<UserAdminError> Errors) : UserAdminResult(Errors);

public static class UserAdminErrors
{
    public const string IdentityPrefix = "Users_Error_";
    public const string NotFound = "Users_Error_NotFound";
    public const string SelfDeactivate = "Users_Error_SelfDeactivate";
    public const string SelfDemote = "Users_Error_SelfDemote";
    public const string LastAdmin = "Users_Error_LastAdmin";
    public const string UnsupportedLanguage = "Users_Error_Language";
    public const string UnknownTimeZone = "Users_Error_TimeZone";
    public const string PasswordRequired = "Users_Error_PasswordRequired";

    /// <summary>The acting user is no longer an active administrator (checked against the database at every change).</summary>
    public const string NotAuthorized = "Users_Error_NotAuthorized";

    public const string PasswordUnchanged = "Users_Error_PasswordUnchanged";
    public const string TokenNotFound = "Users_Error_TokenNotFound";
}
