namespace AuditAdmin.Web.Cli;

/// <summary>"bench-export --rows N": seeds a fresh database and runs the real export pipeline, printing one JSON line.</summary>
internal static class BenchExportVerb
{
    public static Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        Console.Error.WriteLine("bench-export is not implemented yet.");
        return Task.FromResult(1);
    }
}
