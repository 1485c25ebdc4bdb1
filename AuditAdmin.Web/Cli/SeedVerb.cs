namespace AuditAdmin.Web.Cli;

/// <summary>"seed --activities N [--users K] [--from ISO] [--to ISO]": synthetic activities for trying and measuring.</summary>
internal static class SeedVerb
{
    public static Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        Console.Error.WriteLine("seed is not implemented yet.");
        return Task.FromResult(1);
    }
}
