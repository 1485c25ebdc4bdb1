using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AuditAdmin.Tests.Web.Components.Account;

public sealed class LoginReturnUrlTests(AuditAdminFactory factory) : IClassFixture<AuditAdminFactory>
{
    [Theory]
    [InlineData("/admin/audit-log?from=2026-01-01", "/admin/audit-log?from=2026-01-01")]
    [InlineData("~/admin/users", "/admin/users")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("https://evil.example/", "/")]
    // Browsers drop tabs and line breaks from URLs: "/\t/evil.example" would become "//evil.example".
    [InlineData("/\t/evil.example/", "/")]
    [InlineData("/\r\n/evil.example/", "/")]
    public async Task SignIn_ShouldFollowOnlyLocalReturnUrls(string returnUrl, string expected)
    {
        var name = $"return-{Guid.NewGuid():N}"[..20];
        await factory.CreateUserAsync(name);
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.PostSignInFormAsync(name, AuditAdminFactory.Password,
            "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal(expected, location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
        if (location.IsAbsoluteUri)
        {
            Assert.Equal("localhost", location.Host);
        }
    }
}
