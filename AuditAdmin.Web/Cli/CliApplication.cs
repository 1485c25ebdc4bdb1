namespace AuditAdmin.Web.Cli;

/// <summary>Command-line verbs of the web executable (migrate, users, tokens, seed).</summary>
public static class CliApplication
{
    private static readonly string[] Verbs = ["migrate", "users", "tokens", "seed"];

    public static bool IsCliVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0], StringComparer.Ordinal);

    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine($"'{args[0]}' is not implemented yet.");
        return Task.FromResult(2);
    }
}
