using AuditAdmin.Core.Features.Activities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AuditAdmin.Tests.Features.Activities;

/// <summary>Every branch of the reference's available-actions rule (growi-audit-log.md section 2.3).</summary>
public sealed class AvailableActionsTests
{
    private static readonly string[] Essentials = [.. ActionCatalog.InGroup(ActionGroups.Essential)];
    private static readonly string[] Small = [.. ActionCatalog.InGroup(ActionGroups.Small)];

    private static IReadOnlyList<string> Compute(bool includeEssential, bool enabled = true, string? group = "SMALL",
        string? additional = null, string? exclude = null) =>
        AvailableActions.Compute(new AuditLogOptions
        {
            Enabled = enabled,
            ActionGroupSize = group,
            AdditionalActions = additional,
            ExcludeActions = exclude,
        }, includeEssential);

    [Fact]
    public void Catalog_ShouldHaveTheReferenceGroupSizes()
    {
        Assert.Equal(188, ActionCatalog.Reference.Count);
        Assert.Equal(ActionCatalog.Reference.Count + ActionCatalog.Own.Count, ActionCatalog.All.Count);
        Assert.Equal(12, Small.Length);
        Assert.Equal(53, ActionCatalog.InGroup(ActionGroups.Medium).Count());
        Assert.Equal(147, ActionCatalog.InGroup(ActionGroups.Large).Count());
        Assert.Equal(22, Essentials.Length);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Compute_ShouldReturnOnlyEssentials_WhenDisabled_WhateverTheArgument(bool includeEssential)
    {
        var result = Compute(includeEssential, enabled: false, group: "LARGE", additional: "PAGE_VIEW", exclude: "PAGE_CREATE");

        Assert.Equal(Essentials, result);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Compute_ShouldFallBackToSmall_WhenGroupIsFalsy(string? group)
    {
        Assert.Equal(Small, Compute(includeEssential: false, group: group));
    }

    [Theory]
    [InlineData("SMALL", 12)]
    [InlineData("MEDIUM", 53)]
    [InlineData("LARGE", 147)]
    public void Compute_ShouldStartFromTheChosenGroup(string group, int count)
    {
        var result = Compute(includeEssential: false, group: group);

        Assert.Equal(count, result.Count);
        Assert.Equal(ActionCatalog.InGroup(Enum.Parse<ActionGroups>(group, ignoreCase: true)), result);
    }

    [Theory]
    [InlineData("HUGE")]
    [InlineData("small")]
    [InlineData(" SMALL")]
    public void Compute_ShouldHaveAnEmptyBase_WhenGroupIsUnknown(string group)
    {
        Assert.Empty(Compute(includeEssential: false, group: group));
        Assert.Equal(Essentials, Compute(includeEssential: true, group: group));
        Assert.Equal([SupportedActions.PageView], Compute(includeEssential: false, group: group, additional: "PAGE_VIEW"));
    }

    [Fact]
    public void Compute_ShouldAppendAdditionalActions_AfterTheGroup()
    {
        var result = Compute(includeEssential: false, additional: "PAGE_VIEW,USER_LOGOUT,SEARCH_PAGE");

        Assert.Equal([.. Small, SupportedActions.PageView, SupportedActions.SearchPage], result);
    }

    [Fact]
    public void Compute_ShouldRemoveExcludedActions_IncludingAdditionalOnes()
    {
        var result = Compute(includeEssential: false, additional: "PAGE_VIEW", exclude: "USER_LOGOUT,PAGE_VIEW");

        Assert.Equal(Small.Where(a => a != SupportedActions.UserLogout), result);
    }

    [Fact]
    public void Compute_ShouldReaddExcludedEssentials_WhenIncludingEssentials()
    {
        var result = Compute(includeEssential: true, exclude: "PAGE_CREATE,USER_LOGOUT");

        Assert.Contains(SupportedActions.PageCreate, result);
        Assert.DoesNotContain(SupportedActions.UserLogout, result);
        // Re-added at the end with the other essentials, as a JavaScript Set would.
        Assert.True(result.ToList().IndexOf(SupportedActions.PageCreate) > result.ToList().IndexOf(SupportedActions.PageEmptyTrash));
        Assert.All(Essentials, e => Assert.Contains(e, result));
    }

    [Fact]
    public void Compute_ShouldHonourExcludedEssentials_WhenNotIncludingEssentials()
    {
        var result = Compute(includeEssential: false, exclude: "PAGE_CREATE");

        Assert.DoesNotContain(SupportedActions.PageCreate, result);
        Assert.Equal(11, result.Count);
    }

    [Fact]
    public void Compute_ShouldAddEssentialsOnce_AfterTheGroup()
    {
        var result = Compute(includeEssential: true);

        Assert.Equal(Small.Concat(Essentials).Distinct(), result);
        Assert.Equal(31, result.Count);
        Assert.Equal(result.Count, result.Distinct().Count());
    }

    [Fact]
    public void Compute_ShouldLeaveOutNonGroupEssentials_WhenNotIncludingEssentials()
    {
        var result = Compute(includeEssential: false, group: "LARGE");

        Assert.DoesNotContain(SupportedActions.AuditLogBulkExportCompleted, result);
        Assert.Contains(SupportedActions.PageCreate, result);
    }

    [Fact]
    public void Compute_ShouldDropUnknownItems_AndMatchStoredValuesExactly()
    {
        var result = Compute(includeEssential: false, group: "NONE",
            additional: "NOT_AN_ACTION,page_view,ACTION_ADMIN_APP_SETTINGS_UPDATE,ADMIN_APP_SETTING_UPDATE,vault.wipe",
            exclude: "ALSO_UNKNOWN");

        Assert.Equal([SupportedActions.AdminAppSettingsUpdate, SupportedActions.VaultWipe], result);
    }

    [Fact]
    public void Compute_ShouldTrimItems_AndIgnoreEmptyOnes()
    {
        var result = Compute(includeEssential: false, group: "NONE", additional: " PAGE_VIEW ,, \tUNSETTLED ,", exclude: " PAGE_VIEW ");

        Assert.Equal([SupportedActions.Unsettled], result);
    }

    [Fact]
    public void AvailableActions_ShouldFollowTheConfiguration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AuditLog:ActionGroupSize"] = "MEDIUM",
            ["AuditLog:ExcludeActions"] = "PAGE_LIKE,PAGE_UNLIKE",
        }).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration)
            .AddSingleton<AvailableActions>().AddOptions<AuditLogOptions>().BindConfiguration(AuditLogOptions.Section).Services
            .BuildStrictServiceProvider();
        var available = services.GetRequiredService<AvailableActions>();

        Assert.True(available.Enabled);
        Assert.True(available.IsAvailable(SupportedActions.UserPersonalSettingsUpdate));
        Assert.False(available.IsAvailable(SupportedActions.PageUnlike));
        Assert.True(available.IsAvailable(SupportedActions.PageLike));
        Assert.False(available.IsAvailable(SupportedActions.PageLike, includeEssential: false));
        Assert.False(available.IsAvailable(SupportedActions.PageView));
        Assert.Equal(available.Get(includeEssential: true).ToHashSet(), available.GetSet(includeEssential: true));
    }
}
