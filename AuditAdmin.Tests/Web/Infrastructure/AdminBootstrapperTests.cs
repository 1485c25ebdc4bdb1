using System.Text.RegularExpressions;
using AuditAdmin.Core.Identity;
using AuditAdmin.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AuditAdmin.Tests.Web.Infrastructure;

public sealed partial class AdminBootstrapperTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Startup_ShouldCreateAdminWithAGeneratedPasswordLoggedOnce_AndChangeNothingOnRestart()
    {
        // The data outlives the first app, as a restart needs (a factory deletes only its own folder).
        var data = Path.Combine(Path.GetTempPath(), "auditadmin-tests", Guid.NewGuid().ToString("N"));
        try
        {
            string password;
            await using (var first = new LoggedFactory(("Bootstrap:Enabled", "true"), ("DataDirectory", data)))
            {
                _ = first.Services;

                var passwords = first.Logs.Entries.Select(e => GeneratedPassword().Match(e.Message)).Where(m => m.Success).ToList();
                var logged = Assert.Single(passwords);
                password = logged.Groups["password"].Value;
                Assert.Contains(first.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("shown only this once", StringComparison.Ordinal));
                await using var scope = first.Services.CreateAsyncScope();
                var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
                var admin = await users.FindByNameAsync("admin");
                Assert.NotNull(admin);
                Assert.True(admin.IsActive);
                Assert.True(await users.IsInRoleAsync(admin, Roles.Admin));
                Assert.True(await users.CheckPasswordAsync(admin, password));
            }

            // A restart on the same data: nothing is created, no password is logged, the first one still works.
            await using var second = new LoggedFactory(("Bootstrap:Enabled", "true"), ("DataDirectory", data));
            _ = second.Services;
            Assert.DoesNotContain(second.Logs.Entries, e => GeneratedPassword().IsMatch(e.Message));
            await using (var scope = second.Services.CreateAsyncScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
                Assert.Single(users.Users);
                Assert.True(await users.CheckPasswordAsync((await users.FindByNameAsync("admin"))!, password));
                Assert.Equal(BootstrapOutcome.AdminAlreadyPresent,
                    await second.Services.GetRequiredService<AdminBootstrapper>().EnsureAdminAsync(Ct));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Startup_ShouldUseTheConfiguredAdmin_AndNeverLogItsPassword()
    {
        const string password = "Configured-Secret-42x";
        await using var factory = new LoggedFactory(("Bootstrap:Enabled", "true"), ("Bootstrap:AdminUsername", "root"),
            ("Bootstrap:AdminEmail", "root@example.test"), ("Bootstrap:AdminPassword", password));
        _ = factory.Services;

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var root = await users.FindByNameAsync("root");
            Assert.NotNull(root);
            Assert.Equal("root@example.test", root.Email);
            Assert.True(await users.IsInRoleAsync(root, Roles.Admin));
            Assert.True(await users.CheckPasswordAsync(root, password));
            Assert.Null(await users.FindByNameAsync("admin"));
        }
        Assert.Contains(factory.Logs.Entries, e => e.Message.Contains("'root'", StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Logs.Entries, e => e.Message.Contains(password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Startup_ShouldFailWithAClearError_WhenTheConfiguredPasswordIsWeak()
    {
        await using var factory = new LoggedFactory(("Bootstrap:Enabled", "true"), ("Bootstrap:AdminPassword", "weakpw"));

        var error = Assert.Throws<InvalidOperationException>(() => factory.Services);

        Assert.Contains("Bootstrap:AdminPassword is too weak", error.Message, StringComparison.Ordinal);
        Assert.Contains("at least 12 characters", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("weakpw", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(factory.Logs.Entries, e => e.Message.Contains("weakpw", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EnsureAdmin_ShouldDoNothing_WhileAnyActiveAdminExists()
    {
        await using var factory = new AuditAdminFactory();
        await factory.CreateUserAsync("someone-else", admin: true);

        var outcome = await Bootstrapper(factory, new BootstrapOptions()).EnsureAdminAsync(Ct);

        Assert.Equal(BootstrapOutcome.AdminAlreadyPresent, outcome);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("admin"));
    }

    [Fact]
    public async Task EnsureAdmin_ShouldRestoreTheNamedAccount_WhenNoActiveAdminRemains()
    {
        await using var factory = new AuditAdminFactory();
        var formerAdmin = await factory.CreateUserAsync("admin", admin: true);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // Outside the app's guard rails (e.g. edited in the database): the only admin is deactivated.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(formerAdmin.Id))!;
            user.IsActive = false;
            await users.UpdateAsync(user);
        }

        var outcome = await Bootstrapper(factory, new BootstrapOptions { AdminPassword = "Recovered-Password-7" }).EnsureAdminAsync(Ct);

        Assert.Equal(BootstrapOutcome.Restored, outcome);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var admin = (await users.FindByNameAsync("admin"))!;
            Assert.True(admin.IsActive);
            Assert.True(await users.IsInRoleAsync(admin, Roles.Admin));
            Assert.True(await users.CheckPasswordAsync(admin, "Recovered-Password-7"));
        }
    }

    [Fact]
    public async Task EnsureAdmin_ShouldDoNothing_WhenDisabled()
    {
        await using var factory = new AuditAdminFactory();

        var outcome = await Bootstrapper(factory, new BootstrapOptions { Enabled = false }).EnsureAdminAsync(Ct);

        Assert.Equal(BootstrapOutcome.Disabled, outcome);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Empty(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().Users);
    }

    private static AdminBootstrapper Bootstrapper(AuditAdminFactory factory, BootstrapOptions options) =>
        new(factory.Services.GetRequiredService<IServiceScopeFactory>(), Options.Create(options), NullLogger<AdminBootstrapper>.Instance);

    [Fact]
    public async Task TheGeneratedPassword_ShouldHaveToBeChangedAtTheFirstSignIn()
    {
        await using var factory = new LoggedFactory(("Bootstrap:Enabled", "true"));
        _ = factory.Services;
        var password = GeneratedPassword().Match(string.Join("\n", factory.Logs.Entries.Select(e => e.Message))).Groups["password"].Value;
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
            { AllowAutoRedirect = false, HandleCookies = true });

        using var signIn = await client.PostSignInFormAsync("admin", password);
        using var home = await client.GetAsync("/", Ct);

        Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/Account/ChangePassword", home.Headers.Location?.OriginalString);
    }

    [GeneratedRegex(@"Password: (?<password>\S+)")]
    private static partial Regex GeneratedPassword();

    /// <summary>The application with its log captured at every level (the console stays at Warning).</summary>
    private sealed class LoggedFactory(params (string Key, string? Value)[] settings)
        : AuditAdminFactory(settings.ToDictionary(s => s.Key, s => s.Value))
    {
        public LogCapture Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging =>
            {
                logging.AddProvider(Logs);
                logging.AddFilter<LogCapture>(null, LogLevel.Trace);
            });
        }
    }
}
