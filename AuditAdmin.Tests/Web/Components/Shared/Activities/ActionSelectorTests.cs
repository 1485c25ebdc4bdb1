using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Web.Components.Shared.Activities;
using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Extensions;

namespace AuditAdmin.Tests.Web.Components.Shared.Activities;

public sealed class ActionSelectorTests : IAsyncLifetime
{
    // No size group (an unknown name selects none) plus four actions from three categories, given out of category order;
    // the chain of custody is always there too (DESIGN 8.10).
    private const string Additional = "COMMENT_CREATE,PAGE_CREATE,USER_LOGOUT,PAGE_DELETE";

    private SqliteTestDatabase _database = default!;

    public async ValueTask InitializeAsync() => _database = await SqliteTestDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private MudTestContext NewContext() => new(configureServices: ActivityComponentServices.Over(_database, o =>
    {
        o.ActionGroupSize = "NONE";
        o.AdditionalActions = Additional;
    }));

    private static async Task<(IRenderedComponent<MudPopoverProvider> Popovers, IRenderedComponent<ActionSelector> Cut, List<IReadOnlyList<string>?> Raised)>
        RenderOpenAsync(MudTestContext ctx, IReadOnlyList<string>? value = null)
    {
        var popovers = ctx.RenderProviders();
        var raised = new List<IReadOnlyList<string>?>();
        var cut = ctx.Render<ActionSelector>(p => p
            .Add(c => c.Value, value)
            .Add(c => c.ValueChanged, v =>
            {
                raised.Add(v);
                value = v;
            }));
        await cut.Find("[data-testid=action-selector-toggle]").ClickAsync();
        return (popovers, cut, raised);
    }

    private static Task ClickCategoryAsync(IRenderedComponent<MudPopoverProvider> popovers, string category) =>
        popovers.Find($"[data-category={category}] input[data-testid=action-category-toggle]").ChangeAsync(new ChangeEventArgs { Value = true });

    private static Task SetActionAsync(IRenderedComponent<MudPopoverProvider> popovers, string action, bool value) =>
        popovers.Find($"input[data-action='{action}']").ChangeAsync(new ChangeEventArgs { Value = value });

    private static bool? CategoryState(IRenderedComponent<MudPopoverProvider> popovers, string category) =>
        popovers.FindComponents<MudCheckBox<bool?>>()
            .Single(c => c.Find("input").GetAttribute("data-category-toggle") == category)
            .Instance.GetState(x => x.Value);

    /// <summary>Every option in the order shown.</summary>
    private static List<string> Options(IRenderedComponent<MudPopoverProvider> popovers) =>
        popovers.FindAll("input[data-testid=action-option]").Select(e => e.GetAttribute("data-action")!).ToList();

    [Fact]
    public async Task ActionSelector_ShouldGroupByCategoryInCatalogOrder_AndHideEmptyCategories()
    {
        await using var ctx = NewContext();
        var (popovers, _, _) = await RenderOpenAsync(ctx);

        var categories = popovers.FindAll("[data-testid=action-category]").Select(e => e.GetAttribute("data-category")).ToList();
        Assert.Equal(["Page", "Comment", "Attachment", "User", "Admin", "Export"], categories);
        var pageActions = popovers.FindAll("[data-category=Page] input[data-testid=action-option]").Select(e => e.GetAttribute("data-action"));
        Assert.Equal(["PAGE_CREATE", "PAGE_DELETE"], pageActions);
        Assert.Contains("Pages", popovers.Find("[data-category=Page]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Comments", popovers.Find("[data-category=Comment]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActionSelector_ShouldShowEveryActionChecked_WhenValueIsNull()
    {
        await using var ctx = NewContext();
        var (popovers, cut, _) = await RenderOpenAsync(ctx);

        Assert.All(popovers.FindAll("input[data-testid=action-option]"), e => Assert.True(e.HasAttribute("checked")));
        Assert.True(CategoryState(popovers, "Page"));
        Assert.Contains("all", cut.Find("[data-testid=action-selector-toggle]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CategoryToggle_ShouldDeselectTheCategory_WhenItWasComplete()
    {
        await using var ctx = NewContext();
        var (popovers, _, raised) = await RenderOpenAsync(ctx);

        var options = Options(popovers);
        await ClickCategoryAsync(popovers, "Page");

        Assert.Equal(options.Except(["PAGE_CREATE", "PAGE_DELETE"]), raised.Single());
        Assert.Contains("USER_LOGOUT", raised.Single()!);
        Assert.False(CategoryState(popovers, "Page"));
        Assert.True(CategoryState(popovers, "Comment"));
    }

    [Fact]
    public async Task CategoryToggle_ShouldBeIndeterminate_WhenPartlySelected_AndSelectAllOnClick()
    {
        await using var ctx = NewContext();
        var (popovers, _, raised) = await RenderOpenAsync(ctx);

        await SetActionAsync(popovers, "PAGE_DELETE", false);
        Assert.Null(CategoryState(popovers, "Page"));
        Assert.Equal(Options(popovers).Except(["PAGE_DELETE"]), raised[^1]);

        await ClickCategoryAsync(popovers, "Page");

        Assert.True(CategoryState(popovers, "Page"));
        Assert.Null(raised[^1]);
    }

    [Fact]
    public async Task ActionSelector_ShouldRaiseNull_WhenEveryActionIsSelectedAgain()
    {
        await using var ctx = NewContext();
        var (popovers, _, raised) = await RenderOpenAsync(ctx, ["PAGE_CREATE"]);

        Assert.Equal(["PAGE_CREATE"], popovers.FindAll("input[data-testid=action-option][checked]").Select(e => e.GetAttribute("data-action")));
        await SetActionAsync(popovers, "PAGE_DELETE", true);
        await SetActionAsync(popovers, "COMMENT_CREATE", true);
        Assert.Equal(["PAGE_CREATE", "PAGE_DELETE", "COMMENT_CREATE"], raised[^1]);
        var rest = Options(popovers).Except(["PAGE_CREATE", "PAGE_DELETE", "COMMENT_CREATE"]).ToList();
        foreach (var action in rest[..^1])
        {
            await SetActionAsync(popovers, action, true);
        }
        Assert.NotNull(raised[^1]);
        await SetActionAsync(popovers, rest[^1], true);

        Assert.Null(raised[^1]);
    }

    [Fact]
    public async Task ActionSelector_ShouldRaiseAnEmptyList_WhenNothingIsSelected()
    {
        await using var ctx = NewContext();
        var (popovers, _, raised) = await RenderOpenAsync(ctx);

        foreach (var category in popovers.FindAll("[data-testid=action-category]").Select(e => e.GetAttribute("data-category")!).ToList())
        {
            await ClickCategoryAsync(popovers, category);
        }

        Assert.NotNull(raised[^1]);
        Assert.Empty(raised[^1]!);
    }

    [Fact]
    public async Task ActionSelector_ShouldIgnoreValuesThatAreNotAvailable()
    {
        await using var ctx = NewContext();
        var (popovers, _, _) = await RenderOpenAsync(ctx, ["PAGE_CREATE", SupportedActions.PageView]);

        Assert.Equal(["PAGE_CREATE"], popovers.FindAll("input[data-testid=action-option][checked]").Select(e => e.GetAttribute("data-action")));
        Assert.Empty(popovers.FindAll($"input[data-action={SupportedActions.PageView}]"));
    }
}
