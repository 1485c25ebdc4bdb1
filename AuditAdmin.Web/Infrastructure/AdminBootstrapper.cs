using AuditAdmin.Core.Identity;
using Microsoft.Extensions.Options;

namespace AuditAdmin.Web.Infrastructure;

/// <summary>The "Bootstrap" section: who the first administrator is when none exists.</summary>
public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";
    public const string DefaultUsername = "admin";
    public const string DefaultEmail = "admin@localhost";

    /// <summary>False to leave a database without an administrator alone (e.g. when the CLI provisions them).</summary>
    public bool Enabled { get; set; } = true;

    public string? AdminUsername { get; set; }
    public string? AdminEmail { get; set; }

    /// <summary>When empty, a strong password is generated and written to the log once.</summary>
    public string? AdminPassword { get; set; }
}

public enum BootstrapOutcome
{
    Disabled,
    AdminAlreadyPresent,
    Created,
    Restored,
}

/// <summary>
/// First run: makes sure the Admin role exists and that someone can sign in as an administrator. Runs after the
/// migration hosted service; does nothing while an active administrator exists, so restarts change nothing.
/// </summary>
internal sealed class AdminBootstrapper(
    IServiceScopeFactory scopeFactory, IOptions<BootstrapOptions> options, ILogger<AdminBootstrapper> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken) => await EnsureAdminAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<BootstrapOutcome> EnsureAdminAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return BootstrapOutcome.Disabled;
        }
        await using var scope = scopeFactory.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        await admin.EnsureRolesAsync();
        if (await admin.CountActiveAdminsAsync(cancellationToken) > 0)
        {
            return BootstrapOutcome.AdminAlreadyPresent;
        }

        var userName = Configured(settings.AdminUsername) ?? BootstrapOptions.DefaultUsername;
        // A password is taken exactly as written (no trimming).
        var configuredPassword = string.IsNullOrWhiteSpace(settings.AdminPassword) ? null : settings.AdminPassword;
        var password = configuredPassword ?? PasswordGenerator.Generate();
        var actor = UserAdminActor.Operator("bootstrap");

        var existing = await admin.FindByNameAsync(userName);
        BootstrapOutcome outcome;
        string adminId;
        if (existing is null)
        {
            var email = Configured(settings.AdminEmail) ?? BootstrapOptions.DefaultEmail;
            var created = await admin.CreateAsync(new NewUser(userName, email, password, UserRole.Admin), actor, cancellationToken);
            ThrowIfFailed(created, userName, configuredPassword is not null);
            adminId = created.Value!;
            outcome = BootstrapOutcome.Created;
        }
        else
        {
            // Every administrator is gone (deactivated or demoted outside the app): give this account back its rights.
            ThrowIfFailed(await admin.ResetPasswordAsync(existing.Id, password, actor, cancellationToken), userName, configuredPassword is not null);
            ThrowIfFailed(await admin.SetActiveAsync(existing.Id, true, actor, cancellationToken), userName, configuredPassword is not null);
            ThrowIfFailed(await admin.SetRoleAsync(existing.Id, UserRole.Admin, actor, cancellationToken), userName, configuredPassword is not null);
            adminId = existing.Id;
            outcome = BootstrapOutcome.Restored;
        }
        if (configuredPassword is null)
        {
            // The generated password sits in the log: it must be replaced at the first sign-in.
            await admin.RequirePasswordChangeAsync(adminId);
        }

        if (configuredPassword is not null)
        {
            logger.LogWarning(
                "No active administrator existed: the administrator account '{UserName}' is ready, with the password from Bootstrap:AdminPassword. "
                + "Sign in at /Account/Login. You can remove Bootstrap:AdminPassword from the configuration now; it is only read while no active administrator exists.",
                userName);
        }
        else
        {
            logger.LogWarning(
                """
                No active administrator existed, so AuditAdmin prepared one.
                    Username: {UserName}
                    Password: {Password}
                This password is shown only this once and cannot be recovered later. Sign in at /Account/Login: you will be asked to choose
                a new password before anything else. To pick the first administrator's credentials yourself,
                set Bootstrap:AdminUsername, Bootstrap:AdminEmail and Bootstrap:AdminPassword before the first start.
                """,
                userName, password);
        }
        return outcome;
    }

    private static string? Configured(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void ThrowIfFailed(UserAdminResult result, string userName, bool passwordConfigured)
    {
        if (result.Succeeded)
        {
            return;
        }
        var hint = passwordConfigured && result.Errors.Any(e => e.Code.StartsWith(UserAdminErrors.IdentityPrefix + "Password", StringComparison.Ordinal))
            ? " Bootstrap:AdminPassword is too weak: use at least 12 characters with upper- and lower-case letters and a digit, or leave it empty to have one generated."
            : "";
        throw new InvalidOperationException(
            $"Could not prepare the first administrator '{userName}' from the Bootstrap settings: {result.Describe()}{hint}");
    }
}
