namespace AuditAdmin.Web.Cli;

/// <summary>
/// Command-line verbs of the web executable. They share the app's configuration (appsettings, environment)
/// and services, and apply pending migrations first. Exit codes: 0 success, 1 failure, 2 bad arguments.
/// </summary>
public static class CliApplication
{
    private static readonly Dictionary<string, Func<IServiceProvider, string[], Task<int>>> Verbs = new(StringComparer.Ordinal)
    {
        ["migrate"] = (_, _) => Task.FromResult(0),
        ["users"] = (_, _) => NotYet("users"),
        ["tokens"] = (_, _) => NotYet("tokens"),
        ["seed"] = SeedVerb.RunAsync,
        ["bench-export"] = BenchExportVerb.RunAsync,
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
            await app.Services.GetRequiredService<AuditAdmin.Core.Data.DatabaseMigrator>().MigrateAsync(CancellationToken.None);
            return await Verbs[args[0]](app.Services, args[1..]);
        }
        catch (Exception ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return 1;
        }
    }

    private static Task<int> NotYet(string verb)
    {
        Console.Error.WriteLine($"{verb} is not implemented yet.");
        return Task.FromResult(1);
    }
}
