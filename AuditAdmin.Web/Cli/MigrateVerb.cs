using AuditAdmin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Web.Cli;

/// <summary>"migrate": applies pending database migrations and says which.</summary>
internal static class MigrateVerb
{
    public const string Usage = "usage: migrate";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        CliArguments.Parse(args, Usage, []);
        var factory = services.GetRequiredService<IDbContextFactory<AuditAdminDbContext>>();
        List<string> pending;
        await using (var db = await factory.CreateDbContextAsync())
        {
            pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        }
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        Console.WriteLine(pending.Count == 0
            ? "The database is up to date."
            : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}");
        return CliApplication.Success;
    }
}
