using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;

namespace AuditAdmin.Core.Configuration;

/// <summary>How an alias's raw text becomes a value of the target key.</summary>
public enum GrowiValueKind
{
    /// <summary>Passed through as is.</summary>
    Text,

    /// <summary>GROWI's rule: "true" or "1" (any case) is true, anything else false.</summary>
    Boolean,

    /// <summary>An integer; passed through trimmed.</summary>
    Number,
}

/// <summary>One GROWI environment variable name and the configuration key it stands for.</summary>
public sealed record GrowiAlias(string Name, string Key, GrowiValueKind Kind)
{
    /// <summary>The value for <see cref="Key"/>, or null when the alias says nothing (unset, or a blank flag or number).</summary>
    public string? Translate(string? raw) => Kind switch
    {
        _ when raw is null => null,
        GrowiValueKind.Text => raw,
        _ when string.IsNullOrWhiteSpace(raw) => null,
        GrowiValueKind.Boolean => raw.Trim() is var b && (b.Equals("true", StringComparison.OrdinalIgnoreCase) || b == "1") ? "true" : "false",
        _ => raw.Trim(),
    };
}

/// <summary>
/// GROWI's environment variable names accepted as aliases of our keys (DESIGN section 7), so a GROWI operator can
/// reuse their settings. Precedence: an alias is read at the environment-variable level. It wins over
/// appsettings files (which only carry defaults) and loses to the explicit key (for example <c>AuditLog__Enabled</c>)
/// set in the environment or on the command line. Values are read live from the configuration, so a reload is seen.
/// </summary>
public static class GrowiAliases
{
    public static readonly IReadOnlyList<GrowiAlias> All =
    [
        new("AUDIT_LOG_ENABLED", "AuditLog:Enabled", GrowiValueKind.Boolean),
        new("AUDIT_LOG_ACTION_GROUP_SIZE", "AuditLog:ActionGroupSize", GrowiValueKind.Text),
        new("AUDIT_LOG_ADDITIONAL_ACTIONS", "AuditLog:AdditionalActions", GrowiValueKind.Text),
        new("AUDIT_LOG_EXCLUDE_ACTIONS", "AuditLog:ExcludeActions", GrowiValueKind.Text),
        new("ACTIVITY_EXPIRATION_SECONDS", "AuditLog:ActivityExpirationSeconds", GrowiValueKind.Number),
        new("BULK_EXPORT_JOB_EXPIRATION_SECONDS", "Export:JobExpirationSeconds", GrowiValueKind.Number),
        new("BULK_EXPORT_DOWNLOAD_EXPIRATION_SECONDS", "Export:DownloadExpirationSeconds", GrowiValueKind.Number),
    ];

    /// <summary>
    /// Adds the alias layer just below the unprefixed environment variables (the lowest layer when there are none).
    /// Idempotent.
    /// </summary>
    public static IConfigurationManager AddGrowiAliases(this IConfigurationManager configuration)
    {
        var sources = configuration.Sources;
        if (sources.Any(s => s is GrowiAliasSource))
        {
            return configuration;
        }
        var environment = sources.ToList().FindIndex(s => s is EnvironmentVariablesConfigurationSource { Prefix: null or "" });
        sources.Insert(Math.Max(environment, 0), new GrowiAliasSource(configuration));
        return configuration;
    }
}

internal sealed class GrowiAliasSource(IConfiguration root) : IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new GrowiAliasProvider(root);
}

/// <summary>Answers a target key with its alias's value, looked up in the whole configuration at read time.</summary>
internal sealed class GrowiAliasProvider(IConfiguration root) : ConfigurationProvider
{
    private static readonly Dictionary<string, GrowiAlias> ByKey =
        GrowiAliases.All.ToDictionary(a => a.Key, StringComparer.OrdinalIgnoreCase);

    public override bool TryGet(string key, out string? value)
    {
        // Only target keys are answered, so reading an alias name through the root never comes back here.
        value = ByKey.TryGetValue(key, out var alias) ? alias.Translate(root[alias.Name]) : null;
        return value is not null;
    }

    public override IEnumerable<string> GetChildKeys(IEnumerable<string> earlierKeys, string? parentPath)
    {
        var keys = earlierKeys.ToList();
        var prefix = string.IsNullOrEmpty(parentPath) ? "" : parentPath + ConfigurationPath.KeyDelimiter;
        foreach (var alias in GrowiAliases.All)
        {
            if (alias.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && TryGet(alias.Key, out _))
            {
                keys.Add(alias.Key[prefix.Length..].Split(ConfigurationPath.KeyDelimiter)[0]);
            }
        }
        return keys;
    }
}
