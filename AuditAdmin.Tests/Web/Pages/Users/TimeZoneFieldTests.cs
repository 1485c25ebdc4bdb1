using AuditAdmin.Tests.TestInfrastructure;
using AuditAdmin.Web.Components.Pages.Users;
using Bunit;

namespace AuditAdmin.Tests.Web.Pages.Users;

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
}
