using System.Net;
using System.Security.Cryptography.X509Certificates;
using AuditAdmin.Core.Features.Signing;
using Microsoft.Extensions.DependencyInjection;

namespace AuditAdmin.Tests.Web.Endpoints;

/// <summary>The certificate that verifies bundles is public: anyone holding a bundle can fetch it.</summary>
public sealed class SigningCertificateEndpointsTests(AuditAdminFactory factory) : IClassFixture<AuditAdminFactory>
{
    [Fact]
    public async Task SigningCertificate_ShouldBeServedAsPem_WithoutSigningIn()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/_api/v3/audit-log-bulk-export/signing-certificate", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-pem-file", response.Content.Headers.ContentType?.MediaType);
        var pem = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var served = X509Certificate2.CreateFromPem(pem);
        var current = await factory.Services.GetRequiredService<SigningCertificates>().GetCurrentAsync(TestContext.Current.CancellationToken);
        Assert.Equal(SigningCertificates.Fingerprint(current), SigningCertificates.Fingerprint(served));
        Assert.False(served.HasPrivateKey);
        Assert.DoesNotContain("PRIVATE KEY", pem, StringComparison.Ordinal);
    }
}
