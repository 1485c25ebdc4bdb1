using System.Net;
using System.Net.Http.Headers;
using AuditAdmin.Core.Data;
using AuditAdmin.Core.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AuditAdmin.Tests.TestInfrastructure;

/// <summary>
/// The real application over HTTP, on its own SQLite file (real migrations) in a temporary data directory, or on a
/// database of its own on the test run's PostgreSQL server (<see cref="On"/>).
/// Pass settings to change configuration (for example "AuditLog:Enabled" = "false").
/// </summary>
public class AuditAdminFactory : WebApplicationFactory<Program>
{
    public const string Password = "Correct-Horse-9-Battery";

    private readonly Dictionary<string, string?> _settings;

    public AuditAdminFactory() : this(new Dictionary<string, string?>())
    {
    }

    private readonly string? _serverDatabase;

    protected AuditAdminFactory(IDictionary<string, string?> settings, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "auditadmin-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        _settings = new Dictionary<string, string?>(settings);
        Provider = provider;
        if (provider != DatabaseProvider.Sqlite)
        {
            // Here rather than in ConfigureWebHost: a failure to reach the server fails the test at once, with its message.
            _serverDatabase = PostgreSqlTestServer.CreateDatabase();
            foreach (var (key, value) in TestDatabase.Settings(provider, _serverDatabase))
            {
                _settings[key] = value;
            }
        }
    }

    public string DataDirectory { get; }
    public DatabaseProvider Provider { get; }

    /// <summary>A factory with extra configuration, e.g. ("AuditLog:Enabled", "false").</summary>
    public static AuditAdminFactory With(params (string Key, string? Value)[] settings) =>
        new(settings.ToDictionary(s => s.Key, s => s.Value));

    /// <summary>The address every request of <see cref="BehindProxy"/> comes from, as if a reverse proxy sent it.</summary>
    public const string ProxyAddress = "10.1.2.3";

    private IPAddress? _connectionAddress;

    /// <summary>
    /// A factory whose requests all come from <see cref="ProxyAddress"/> (TestServer gives none), with
    /// <paramref name="trustedProxy"/> as the configured known proxy: requests then say where they come from with
    /// X-Forwarded-For.
    /// </summary>
    public static AuditAdminFactory BehindProxy(string trustedProxy = ProxyAddress, params (string Key, string? Value)[] settings) =>
        new(settings.Append<(string Key, string? Value)>(("ReverseProxy:KnownProxies:0", trustedProxy)).ToDictionary(s => s.Key, s => s.Value))
        {
            _connectionAddress = IPAddress.Parse(ProxyAddress),
        };

    /// <summary>A factory on the given provider's database, with extra configuration.</summary>
    public static AuditAdminFactory On(DatabaseProvider provider, params (string Key, string? Value)[] settings) =>
        new(settings.ToDictionary(s => s.Key, s => s.Value), provider);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseDefaultServiceProvider(o =>
        {
            o.ValidateOnBuild = StrictServiceProvider.Options.ValidateOnBuild;
            o.ValidateScopes = StrictServiceProvider.Options.ValidateScopes;
        });
        // Outside Development the static web assets (MudBlazor, blazor.web.js) must be switched on explicitly.
        builder.UseStaticWebAssets();
        builder.UseSetting("DataDirectory", DataDirectory);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Tests create their own users; the first-run admin is tested on its own (pass "Bootstrap:Enabled" = "true").
        builder.UseSetting("Bootstrap:Enabled", "false");
        // The retention job would delete test rows older than 30 days a minute into a long test; tests that want it say so.
        builder.UseSetting("AuditLog:RetentionIntervalSeconds", "0");
        // Every TestServer request has the same (no) address and tests sign in often: the sign-in limits are tested
        // on their own, with the limits they set.
        builder.UseSetting("SignIn:PermitsPerAddress", "100000");
        builder.UseSetting("SignIn:PermitsPerUsername", "100000");
        if (_connectionAddress is { } address)
        {
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new ConnectionAddressFilter(address)));
        }
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public IDbContextFactory<AuditAdminDbContext> DbFactory => Services.GetRequiredService<IDbContextFactory<AuditAdminDbContext>>();

    public async Task<AppUser> CreateUserAsync(string userName, bool admin = false, string language = "en", string? timeZone = "UTC")
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var user = new AppUser
        {
            UserName = userName,
            Email = $"{userName}@example.test",
            Language = language,
            TimeZone = timeZone,
            CreatedAt = DateTime.UtcNow,
        };
        Check(await users.CreateAsync(user, Password));
        if (admin)
        {
            if (!await roles.RoleExistsAsync(Roles.Admin))
            {
                Check(await roles.CreateAsync(new IdentityRole(Roles.Admin)));
            }
            Check(await users.AddToRoleAsync(user, Roles.Admin));
        }
        return user;
    }

    public async Task<string> CreateTokenAsync(AppUser user, string[] scopes, DateTime? expiresAt = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<AccessTokenService>();
        var created = await tokens.CreateAsync(user.Id, scopes, expiresAt ?? DateTime.UtcNow.AddDays(1), "test", CancellationToken.None);
        return created.Token;
    }

    /// <summary>An HTTP client that authenticates with a bearer token.</summary>
    public HttpClient CreateTokenClient(string token)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_serverDatabase is not null)
        {
            await PostgreSqlTestServer.DropDatabaseAsync(_serverDatabase);
        }
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
        GC.SuppressFinalize(this);
    }
}

/// <summary>Gives every request a remote address before any of the app's middleware sees it.</summary>
internal sealed class ConnectionAddressFilter(IPAddress address) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress = address;
            return nextMiddleware(context);
        });
        next(app);
    };
}
