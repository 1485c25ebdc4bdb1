using AuditAdmin.Web.Components.Layout;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AuditAdmin.Tests.Web.Components.Layout;

public sealed class LanguageSwitcherTests
{
    [Fact]
    public async Task Picking_ShouldPostTheLanguageFormWithTheCurrentAddress_InsteadOfFollowingALink()
    {
        await using var ctx = new MudTestContext();
        var submit = ctx.JSInterop.SetupVoid("auditAdmin.submitCulture", _ => true);
        var popovers = ctx.RenderProviders();
        var cut = ctx.Render<LanguageSwitcher>();
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/admin/audit-log?users=bob");

        await cut.Find("[data-testid=language-switcher] button").ClickAsync();
        await popovers.Find("[data-culture=ja]").ClickAsync();

        var form = cut.Find("[data-testid=culture-form]");
        Assert.Equal(("post", "culture/set"), (form.GetAttribute("method"), form.GetAttribute("action")));
        var call = Assert.Single(submit.Invocations);
        Assert.Equal(["ja", "/admin/audit-log?users=bob"], call.Arguments.Skip(1));
        Assert.Empty(popovers.FindAll("a[href*='culture/set']"));
    }
}
