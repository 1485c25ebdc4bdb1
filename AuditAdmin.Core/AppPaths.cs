using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace AuditAdmin.Core;

/// <summary>Where the application keeps its files (SQLite database, stored exports, work directories).</summary>
public sealed class AppPaths(string dataDirectory)
{
    public const string ConfigKey = "DataDirectory";

    public string DataDirectory { get; } = Path.GetFullPath(dataDirectory);

    public string Resolve(string? configured, string fallbackName) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(DataDirectory, fallbackName)
            : Path.Combine(DataDirectory, configured));

    public static AppPaths From(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[ConfigKey];
        var dir = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(environment.ContentRootPath, "App_Data")
            : Path.Combine(environment.ContentRootPath, configured);
        Directory.CreateDirectory(dir);
        return new AppPaths(dir);
    }
}
