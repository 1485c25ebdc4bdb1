using System.Text.RegularExpressions;

namespace AuditAdmin.Tests;

/// <summary>The test project stays navigable: namespaces follow folders, and shared helpers live in TestInfrastructure.</summary>
public sealed partial class TestLayoutTests
{
    /// <summary>Data tables that belong to the one test class beside them.</summary>
    private static readonly string[] TestData = ["Web/Endpoints/Hostile/HostileInputs.cs"];

    private static IEnumerable<string> SourceFiles()
    {
        var root = RepositoryRoot.Combine("AuditAdmin.Tests");
        return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryFile_ShouldDeclareTheNamespaceOfItsFolder()
    {
        var misplaced = SourceFiles().Where(f => f != "GlobalUsings.cs").Where(f =>
        {
            var folder = Path.GetDirectoryName(f)!.Replace('/', '.');
            var expected = folder.Length == 0 ? "AuditAdmin.Tests" : "AuditAdmin.Tests." + folder;
            var declared = Namespace().Match(File.ReadAllText(RepositoryRoot.Combine("AuditAdmin.Tests", f))).Groups[1].Value;
            return declared != expected;
        }).ToList();

        Assert.Empty(misplaced);
    }

    [Fact]
    public void FilesOutsideTestInfrastructure_ShouldHoldTests()
    {
        var helpers = SourceFiles()
            .Where(f => !f.StartsWith("TestInfrastructure/", StringComparison.Ordinal) && f != "GlobalUsings.cs" && !TestData.Contains(f))
            .Where(f => !TestAttribute().IsMatch(File.ReadAllText(RepositoryRoot.Combine("AuditAdmin.Tests", f))))
            .ToList();

        Assert.Empty(helpers);
    }

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    [GeneratedRegex(@"\[(Fact|Theory)\b")]
    private static partial Regex TestAttribute();
}
