using System.ComponentModel.DataAnnotations;

namespace AuditAdmin.Web.Infrastructure.SignIn;

/// <summary>Limits on the sign-in form (section <c>SignIn</c>).</summary>
public sealed class SignInOptions
{
    public const string Section = "SignIn";

    /// <summary>Sign-in attempts one client address may make per window.</summary>
    [Range(1, 100_000)]
    public int PermitsPerAddress { get; set; } = 20;

    /// <summary>Sign-in attempts for one username per window, from all addresses together.</summary>
    [Range(1, 100_000)]
    public int PermitsPerUsername { get; set; } = 10;

    /// <summary>The sliding window of both limits, and the period over which failures for one unknown name are counted before they are recorded again.</summary>
    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 300;

    internal TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);
}
