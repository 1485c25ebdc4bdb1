using AuditAdmin.Web.Components.Pages.Users;
using Bunit;

namespace AuditAdmin.Tests.Web.Components.Pages.Users;

public sealed class TimeZoneFieldTests
{
    [Fact]
    public async Task Typing_ShouldSuggestMatchingIanaZones()
    {
        await using var ctx = new MudTestContext();
        var providers = ctx.RenderProviders();
        var cut = ctx.Render<TimeZoneField>();

        cut.Find("input").Input("Pari");

        providers.WaitForAssertion(() => Assert.Contains("Europe/Paris", providers.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task AChosenZone_ShouldBeExplainedByItsOffsetAndLocalTime()
    {
        await using var ctx = new MudTestContext();
        ctx.RenderProviders();

        var cut = ctx.Render<TimeZoneField>(p => p.Add(f => f.Value, "Asia/Tokyo"));

        // Tokyo keeps UTC+9 all year.
        Assert.Contains("UTC+09:00 — it is ", cut.Find(".mud-input-helper-text").TextContent, StringComparison.Ordinal);
        cut.Render(p => p.Add(f => f.Value, null));
        Assert.DoesNotContain("UTC", cut.Find(".mud-input-helper-text").TextContent, StringComparison.Ordinal);
    }
}
