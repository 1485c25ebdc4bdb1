namespace AuditAdmin.Bench;

/// <summary>
/// The export benchmark, kept out of the production executable: it shells out to sqlite3 and zip for its anchor.
/// (A named entry point, not top-level statements: the test project references this and the web app, each with its own.)
/// </summary>
internal static class BenchProgram
{
    public static Task<int> Main(string[] args) => BenchExport.RunAsync(args);
}
