using System.Net;

namespace AuditAdmin.Tests.Web.Infrastructure;

public sealed class HealthEndpointTests : IClassFixture<AuditAdminFactory>
{
    private readonly AuditAdminFactory _factory;

    public HealthEndpointTests(AuditAdminFactory factory) => _factory = factory;

    [Fact]
    public async Task Healthz_ShouldAnswerHealthy_WhenTheDatabaseAnswers()
    {
        using var client = _factory.CreateClient();
        using var response = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
