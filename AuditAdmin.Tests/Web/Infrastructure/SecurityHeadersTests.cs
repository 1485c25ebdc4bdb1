using Microsoft.AspNetCore.Mvc.Testing;

namespace AuditAdmin.Tests.Web.Infrastructure;

public sealed class SecurityHeadersTests(AuditAdminFactory factory) : IClassFixture<AuditAdminFactory>
{
    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/Account/AccessDenied")]
    [InlineData("/no-such-page")]
    public async Task EveryHtmlPage_ShouldRefuseFraming_AndSniffing(string path)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("frame-ancestors 'none'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task ApiAnswers_ShouldNotBeSniffed()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/_api/v3/activity", TestContext.Current.CancellationToken);

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }
}
