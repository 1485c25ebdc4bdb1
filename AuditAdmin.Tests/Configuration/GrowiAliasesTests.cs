using AuditAdmin.Core.Configuration;
using AuditAdmin.Core.Features.Activities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Memory;

namespace AuditAdmin.Tests.Configuration;

public sealed class GrowiAliasesTests
{
    private static readonly Dictionary<string, string?> FileDefaults = new()
    {
        ["AuditLog:Enabled"] = "true",
        ["AuditLog:ActionGroupSize"] = "SMALL",
        ["AuditLog:ActivityExpirationSeconds"] = "2592000",
        ["Export:JobExpirationSeconds"] = "86400",
    };

    /// <summary>
    /// The layers of a host's configuration: a file, then the process environment (unprefixed, where the alias layer
    /// goes), then an environment-like layer we control (the process environment is shared by parallel tests).
    /// </summary>
    private static ConfigurationManager Build(Dictionary<string, string?> environment, Dictionary<string, string?>? file = null)
    {
        var configuration = new ConfigurationManager();
        configuration.Sources.Clear();
        configuration.Sources.Add(new MemoryConfigurationSource { InitialData = file ?? FileDefaults });
        configuration.Sources.Add(new EnvironmentVariablesConfigurationSource());
        configuration.Sources.Add(new MemoryConfigurationSource { InitialData = environment });
        configuration.AddGrowiAliases();
        return configuration;
    }

    [Fact]
    public void Alias_ShouldOverrideTheFileDefault()
    {
        var configuration = Build(new() { ["AUDIT_LOG_ENABLED"] = "false", ["AUDIT_LOG_ACTION_GROUP_SIZE"] = "LARGE" });

        Assert.Equal("false", configuration["AuditLog:Enabled"]);
        Assert.Equal("LARGE", configuration["AuditLog:ActionGroupSize"]);
    }

    [Fact]
    public void ExplicitKey_ShouldWinOverAlias()
    {
        var configuration = Build(new() { ["AUDIT_LOG_ENABLED"] = "false", ["AuditLog:Enabled"] = "true" });

        Assert.Equal("true", configuration["AuditLog:Enabled"]);
    }

    [Fact]
    public void Keys_ShouldKeepTheirFileValues_WhenNoAliasIsSet()
    {
        var configuration = Build([]);

        Assert.Equal("true", configuration["AuditLog:Enabled"]);
        Assert.Equal("2592000", configuration["AuditLog:ActivityExpirationSeconds"]);
        Assert.Null(configuration["AuditLog:ExcludeActions"]);
    }

    [Theory]
    [InlineData("true", "true")]
    [InlineData("TRUE", "true")]
    [InlineData("1", "true")]
    [InlineData(" True ", "true")]
    [InlineData("false", "false")]
    [InlineData("0", "false")]
    [InlineData("yes", "false")]
    public void BooleanAlias_ShouldFollowGrowisRule(string raw, string expected)
    {
        var configuration = Build(new() { ["AUDIT_LOG_ENABLED"] = raw });

        Assert.Equal(expected, configuration["AuditLog:Enabled"]);
    }

    [Fact]
    public void BlankNumberOrFlagAlias_ShouldBeIgnored()
    {
        var configuration = Build(new() { ["AUDIT_LOG_ENABLED"] = " ", ["ACTIVITY_EXPIRATION_SECONDS"] = "" });

        Assert.Equal("true", configuration["AuditLog:Enabled"]);
        Assert.Equal("2592000", configuration["AuditLog:ActivityExpirationSeconds"]);
    }

    [Fact]
    public void EveryAlias_ShouldReachItsKey()
    {
        var configuration = Build(new()
        {
            ["AUDIT_LOG_ENABLED"] = "0",
            ["AUDIT_LOG_ACTION_GROUP_SIZE"] = "MEDIUM",
            ["AUDIT_LOG_ADDITIONAL_ACTIONS"] = "PAGE_VIEW, UNSETTLED",
            ["AUDIT_LOG_EXCLUDE_ACTIONS"] = "USER_LOGOUT",
            ["ACTIVITY_EXPIRATION_SECONDS"] = " 3600 ",
            ["BULK_EXPORT_JOB_EXPIRATION_SECONDS"] = "7200",
            ["BULK_EXPORT_DOWNLOAD_EXPIRATION_SECONDS"] = "600",
        });

        Assert.Equal("false", configuration["AuditLog:Enabled"]);
        Assert.Equal("MEDIUM", configuration["AuditLog:ActionGroupSize"]);
        Assert.Equal("PAGE_VIEW, UNSETTLED", configuration["AuditLog:AdditionalActions"]);
        Assert.Equal("USER_LOGOUT", configuration["AuditLog:ExcludeActions"]);
        Assert.Equal("3600", configuration["AuditLog:ActivityExpirationSeconds"]);
        Assert.Equal("7200", configuration["Export:JobExpirationSeconds"]);
        Assert.Equal("600", configuration["Export:DownloadExpirationSeconds"]);
    }

    [Fact]
    public void Binding_ShouldSeeAliases_WhenNoFileMentionsTheSection()
    {
        var configuration = Build(new()
        {
            ["AUDIT_LOG_ENABLED"] = "false",
            ["AUDIT_LOG_EXCLUDE_ACTIONS"] = "PAGE_CREATE",
            ["ACTIVITY_EXPIRATION_SECONDS"] = "60",
            ["BULK_EXPORT_DOWNLOAD_EXPIRATION_SECONDS"] = "600",
        }, file: []);

        var options = configuration.GetSection(AuditLogOptions.Section).Get<AuditLogOptions>();

        Assert.NotNull(options);
        Assert.False(options.Enabled);
        Assert.Equal("PAGE_CREATE", options.ExcludeActions);
        Assert.Equal(60, options.ActivityExpirationSeconds);
        Assert.Equal("600", configuration.GetSection("Export")["DownloadExpirationSeconds"]);
        Assert.Contains(configuration.GetChildren(), s => s.Key == "Export");
    }

    [Fact]
    public void AddGrowiAliases_ShouldSitBelowTheEnvironment_AndBeIdempotent()
    {
        var configuration = Build([]);
        configuration.AddGrowiAliases();

        var sources = configuration.Sources.ToList();
        var alias = sources.FindIndex(s => s.GetType().Name == "GrowiAliasSource");
        Assert.Single(sources, s => s.GetType().Name == "GrowiAliasSource");
        Assert.IsType<EnvironmentVariablesConfigurationSource>(sources[alias + 1]);
    }
}
