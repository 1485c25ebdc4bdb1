using AuditAdmin.Core.Data;

namespace AuditAdmin.Web.Cli;

/// <summary>"migrate": applies pending database migrations and says which.</summary>
internal static class MigrateVerb
{
    public const string Usage = "usage: migrate";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        CliArguments.Parse(args, Usage, []);
        var pending = await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        Console.WriteLine(pending.Count == 0
            ? "The database is up to date."
            : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}");
        return CliApplication.Success;
    }
}
