namespace AuditAdmin.Tests.TestInfrastructure;

/// <summary>The checkout the tests run from: the folder holding AuditAdmin.sln above the test output.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "AuditAdmin.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new DirectoryNotFoundException("AuditAdmin.sln not found above the test output.");
    }
}
