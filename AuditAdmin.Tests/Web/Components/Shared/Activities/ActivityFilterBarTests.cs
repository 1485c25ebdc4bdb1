using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Web.Components.Shared.Activities;
using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using static AuditAdmin.Tests.TestInfrastructure.ActivityComponentServices;

namespace AuditAdmin.Tests.Web.Components.Shared.Activities;

public sealed class ActivityFilterBarTests : IAsyncLifetime
{
    private static readonly DateTime At = new(2026, 1, 15, 9, 0, 0, DateTimeKind.Utc);

    private SqliteTestDatabase _database = default!;

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        await _database.SeedAsync(
            Row("alice", SupportedActions.PageCreate, At),
            Row("albert", SupportedActions.PageUpdate, At),
            Row("bob", SupportedActions.CommentCreate, At));
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private sealed class Harness(MudTestContext ctx, ActivityFilter initial)
    {
        public ActivityFilter Filter { get; private set; } = initial;
        public int Changes { get; private set; }
        public IRenderedComponent<MudPopoverProvider> Popovers { get; } = ctx.RenderProviders();
        public IRenderedComponent<ActivityFilterBar> Cut { get; private set; } = default!;

        public Harness Render()
        {
            Cut = ctx.Render<ActivityFilterBar>(p => p
                .Add(c => c.Value, Filter)
                .Add(c => c.ValueChanged, f =>
                {
                    Filter = f;
                    Changes++;
                }));
            return this;
        }
    }

    private Harness Render(MudTestContext ctx, ActivityFilter? initial = null) => new Harness(ctx, initial ?? ActivityFilter.None).Render();

    private MudTestContext NewContext() => new(configureServices: Over(_database));

    [Fact]
    public async Task UsernamePicker_ShouldSuggestRecordedNamesByPrefix_AndAddThePickedName()
    {
        await using var ctx = NewContext();
        var bar = Render(ctx);

        await bar.Cut.Find("[data-testid=username-picker] input").InputAsync(new ChangeEventArgs { Value = "al" });
        await bar.Popovers.WaitForAssertionAsync(() =>
            Assert.Equal(["albert", "alice"], Suggestions(bar)), MudTestContext.QueryTimeout);
        await bar.Popovers.FindAll(".mud-list-item").Single(e => e.QuerySelector("[data-testid=username-suggestion]")!.TextContent == "alice").ClickAsync();

        await bar.Cut.WaitForAssertionAsync(() => Assert.Equal(["alice"], bar.Filter.Usernames!), MudTestContext.QueryTimeout);
        Assert.Equal(["alice"], bar.Cut.FindAll("[data-testid=username-chip]").Select(e => e.GetAttribute("data-username")));
    }

    [Fact]
    public async Task UsernamePicker_ShouldNotSuggestNamesAlreadyChosen()
    {
        await using var ctx = NewContext();
        var bar = Render(ctx, new ActivityFilter { Usernames = ["alice"] });

        await bar.Cut.Find("[data-testid=username-picker] input").InputAsync(new ChangeEventArgs { Value = "al" });

        await bar.Popovers.WaitForAssertionAsync(() =>
            Assert.Equal(["albert"], Suggestions(bar)), MudTestContext.QueryTimeout);
    }

    [Fact]
    public async Task UsernamePicker_ShouldMatchAMiddlePartOfTheName_AndSayWhenNoAccountHasItAnyMore()
    {
        await using var ctx = NewContext();
        var bar = Render(ctx);

        await bar.Cut.Find("[data-testid=username-picker] input").InputAsync(new ChangeEventArgs { Value = "lic" });

        await bar.Popovers.WaitForAssertionAsync(() => Assert.Equal(["alice"], Suggestions(bar)), MudTestContext.QueryTimeout);
        var item = bar.Popovers.Find(".mud-list-item");
        Assert.Equal("Deleted", item.QuerySelector("[data-testid=username-suggestion]")!.GetAttribute("data-presence"));
        Assert.Contains("no account any more", item.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsernameChip_ShouldRemoveTheName_AndDropTheFilterWhenNoneIsLeft()
    {
        await using var ctx = NewContext();
        var bar = Render(ctx, new ActivityFilter { Usernames = ["alice", "bob"] });

        await bar.Cut.Find("[data-username=alice] + .mud-chip-close-button").ClickAsync();
        Assert.Equal(["bob"], bar.Filter.Usernames!);

        bar.Cut.Render(p => p.Add(c => c.Value, bar.Filter));
        await bar.Cut.Find("[data-username=bob] + .mud-chip-close-button").ClickAsync();
        Assert.Null(bar.Filter.Usernames);
    }

    [Fact]
    public async Task DateRangePicker_ShouldRaiseTheChosenDays()
    {
        await using var ctx = NewContext();
        var bar = Render(ctx);

        await bar.Cut.Find("[data-testid=date-range-picker] input").ClickAsync();
        await Day(bar.Popovers, 10).ClickAsync();
        await Day(bar.Popovers, 12).ClickAsync();

        var today = DateTime.Today;
        await bar.Cut.WaitForAssertionAsync(() =>
        {
            Assert.Equal(new DateOnly(today.Year, today.Month, 10), bar.Filter.StartDate);
            Assert.Equal(new DateOnly(today.Year, today.Month, 12), bar.Filter.EndDate);
        });
        Assert.Null(bar.Filter.Usernames);
        Assert.Null(bar.Filter.Actions);
    }

    private static AngleSharp.Dom.IElement Day(IRenderedComponent<MudPopoverProvider> popovers, int day) =>
        popovers.FindAll("button.mud-picker-calendar-day:not(.mud-hidden)").First(b => b.TextContent.Trim() == day.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task ActionSelector_ShouldRaiseTheRemainingActions_WhenACategoryIsDeselected()
    {
        await using var ctx = NewContext();
        var bar = Render(ctx);

        await bar.Cut.Find("[data-testid=action-selector-toggle]").ClickAsync();
        await bar.Popovers.Find("input[data-category-toggle=User]").ChangeAsync(new ChangeEventArgs { Value = true });

        var expected = AvailableActions.WithCustody(AvailableActions.Compute(new AuditLogOptions(), includeEssential: false))
            .Where(a => ActionCatalog.Find(a)!.Category != ActionCategory.User);
        Assert.NotNull(bar.Filter.Actions);
        Assert.Equal(expected.Order(), bar.Filter.Actions!.Order());
        Assert.DoesNotContain(SupportedActions.UserLoginWithLocal, bar.Filter.Actions!);
    }

    [Fact]
    public async Task Clear_ShouldResetEveryFilter()
    {
        await using var ctx = NewContext();
        var bar = Render(ctx, new ActivityFilter
        {
            Usernames = ["alice"],
            Actions = [SupportedActions.PageCreate],
            StartDate = new DateOnly(2026, 1, 1),
            EndDate = new DateOnly(2026, 1, 31),
        });

        await bar.Cut.Find("[data-testid=filter-clear]").ClickAsync();

        Assert.Equal(ActivityFilter.None, bar.Filter);
        Assert.Equal(1, bar.Changes);
    }

    private static List<string> Suggestions(Harness bar) =>
        [.. bar.Popovers.FindAll("[data-testid=username-suggestion]").Select(e => e.TextContent)];
}
