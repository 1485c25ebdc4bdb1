using System.Net;
using System.Text.RegularExpressions;
using AuditAdmin.Web.Components;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AuditAdmin.Tests.Web.Components;

/// <summary>After a navigation the router moves focus to the page's main heading: every page must have exactly one.</summary>
public sealed class RoutesFocusTests(AuditAdminFactory factory) : IClassFixture<AuditAdminFactory>
{
    [Theory]
    [InlineData("/", false)] // an admin is sent on to the audit log
    [InlineData("/admin/audit-log")]
    [InlineData("/admin/exports")]
    [InlineData("/admin/users")]
    [InlineData("/me/access-tokens")]
    [InlineData("/me/notifications")]
    [InlineData("/not-found")]
    [InlineData("/Error")]
    [InlineData("/Account/AccessDenied")]
    public async Task Page_ShouldHaveExactlyOneMainHeading(string path, bool admin = true)
    {
        using var client = await SignedInAsync(admin);

        var html = await client.GetStringAsync(path, TestContext.Current.CancellationToken);

        Assert.Single(MainHeadings(html));
    }

    [Fact]
    public async Task SignInPage_ShouldHaveOneMainHeading()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/Account/Login", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(MainHeadings(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
    }

    private async Task<HttpClient> SignedInAsync(bool admin)
    {
        var name = $"focus{Guid.NewGuid():N}"[..14];
        await factory.CreateUserAsync(name, admin);
        return await factory.CreateSignedInClientAsync(name);
    }

    private static MatchCollection MainHeadings(string html) => Regex.Matches(html, $@"<{Routes.MainHeading}[\s>]");
}
