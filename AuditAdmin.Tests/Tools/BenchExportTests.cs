namespace AuditAdmin.Tests.Tools;

/// <summary>The export benchmark (tools/AuditAdmin.Bench), run as the real process it is.</summary>
public sealed class BenchExportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("auditadmin-bench-test-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync(_folder, args, executable: "AuditAdmin.Bench.dll");

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    public async Task Bench_ShouldExportTheSeededRows_AndPrintOneJsonLineOfMeasurements(string format)
    {
        var result = await RunAsync("--rows", "3000", "--per-file", "700", "--format", format);

        Assert.True(result.ExitCode == 0, result.StandardError);
        using var line = System.Text.Json.JsonDocument.Parse(result.StandardOutput.Trim());
        var root = line.RootElement;
        // The verb itself fails unless the job completed with exactly the seeded rows.
        Assert.Equal(3000, root.GetProperty("rows").GetInt32());
        Assert.Equal(format, root.GetProperty("format").GetString());
        Assert.True(root.GetProperty("wallSeconds").GetDouble() > 0);
        Assert.True(root.GetProperty("zipBytes").GetInt64() > 0);
        Assert.True(root.GetProperty("peakWorkingSetMB").GetDouble() >= root.GetProperty("idleWorkingSetMB").GetDouble());
        static bool OnPath(string tool) => (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries).Any(dir => File.Exists(Path.Combine(dir, tool)));
        var toolsPresent = OnPath("sqlite3") && OnPath("zip");
        Assert.Equal(toolsPresent, root.GetProperty("ratioToSqlite3PlusZip").ValueKind == System.Text.Json.JsonValueKind.Number);
    }

    [Theory]
    [InlineData]
    [InlineData("--rows", "0")]
    [InlineData("--rows", "many")]
    [InlineData("--rows", "10", "--format", "xml")]
    public async Task Bench_ShouldExit2WithUsage_WhenArgumentsAreBad(params string[] options)
    {
        var result = await RunAsync(options);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("usage: AuditAdmin.Bench", result.StandardError, StringComparison.Ordinal);
    }
}
