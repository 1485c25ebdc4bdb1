using AuditAdmin.Core.Data;

namespace AuditAdmin.Web.Cli;

/// <summary>
/// Command-line verbs of the web executable. They share the app's configuration (appsettings, environment)
/// and services, and apply pending migrations first. Exit codes: 0 success, 1 failure, 2 bad arguments.
/// </summary>
public static class CliApplication
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadArguments = 2;

    private static readonly Dictionary<string, Func<IServiceProvider, string[], Task<int>>> Verbs = new(StringComparer.Ordinal)
    {
        ["migrate"] = MigrateVerb.RunAsync,
        ["users"] = UsersVerb.RunAsync,
        ["tokens"] = TokensVerb.RunAsync,
        ["seed"] = SeedVerb.RunAsync,
        ["verify"] = VerifyVerb.RunAsync,
    };

    public static bool IsCliVerb(string[] args) => args.Length > 0 && Verbs.ContainsKey(args[0]);

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        // stdout belongs to the verb's output (e.g. a token); logs go to stderr.
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        AuditAdmin.Core.CoreRegistration.AddAuditAdminCore(builder);
        builder.AddAuditAdminWeb();
        await using var app = builder.Build();
        try
        {
            if (args[0] != "migrate")
            {
                await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
            }
            return await Verbs[args[0]](app.Services, args[1..]);
        }
        catch (CliUsageException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            await Console.Error.WriteLineAsync(ex.Usage);
            return BadArguments;
        }
        catch (Exception ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return Failure;
        }
    }
}
