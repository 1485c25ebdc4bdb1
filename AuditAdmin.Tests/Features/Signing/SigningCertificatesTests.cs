using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AuditAdmin.Core;
using AuditAdmin.Core.Features.Export.Bundle;
using AuditAdmin.Core.Features.Signing;
using AuditAdmin.Core.Features.Storage;
using AuditAdmin.Tests.Features.Export;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AuditAdmin.Tests.Features.Signing;

/// <summary>
/// The operator's PFX signs the bundles when configured; replacing it (or configuring one after the generated
/// certificate) never invalidates the bundles signed before, while a certificate of another installation stays refused.
/// </summary>
public sealed class SigningCertificatesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("auditadmin-signing-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OperatorPfx_ShouldSignTheBundles_AndItsReplacementShouldStillVerifyThem()
    {
        var (firstPath, firstSha) = WritePfx("CN=Operator one", "first-password");
        await using var host = await ExportTestHost.CreateAsync(
            ("Export:Signing:CertificatePath", firstPath), ("Export:Signing:CertificatePassword", "first-password"));
        var zip = await ExportAsync(host);
        Assert.Equal(firstSha, SigningCertificates.Fingerprint(await host.Get<SigningCertificates>().GetCurrentAsync(Ct)));

        var (secondPath, secondSha) = WritePfx("CN=Operator two", "second-password");
        using var replaced = Certificates(host, new SigningOptions { CertificatePath = secondPath, CertificatePassword = "second-password" });
        var known = await replaced.ListAsync(Ct);

        Assert.Equal([secondSha, firstSha], known.Select(SigningCertificates.Fingerprint));
        Assert.All(known, c => Assert.False(c != known[0] && c.HasPrivateKey));
        var verdict = await BundleVerifier.VerifyAsync(new MemoryStream(zip), known, Ct);
        Assert.True(verdict.Authentic, string.Join("; ", verdict.Problems.Select(p => p.Kind)));
        // Trusting the new certificate alone is trusting another installation: the old bundle is refused.
        var foreign = await BundleVerifier.VerifyAsync(new MemoryStream(zip), [known[0]], Ct);
        Assert.False(foreign.Authentic);
    }

    [Fact]
    public async Task GeneratedCertificate_ShouldStayKnown_WhenTheOperatorConfiguresOneLater()
    {
        await using var host = await ExportTestHost.CreateAsync();
        var zip = await ExportAsync(host);
        var generatedSha = SigningCertificates.Fingerprint(await host.Get<SigningCertificates>().GetCurrentAsync(Ct));
        var (pfxPath, pfxSha) = WritePfx("CN=Operator", "password");

        using var configured = Certificates(host, new SigningOptions { CertificatePath = pfxPath, CertificatePassword = "password" });

        Assert.Equal([pfxSha, generatedSha], (await configured.ListAsync(Ct)).Select(SigningCertificates.Fingerprint));
        Assert.True((await BundleVerifier.VerifyAsync(new MemoryStream(zip), await configured.ListAsync(Ct), Ct)).Authentic);
    }

    [Fact]
    public async Task OperatorPfx_ShouldBeRefused_WhenItHoldsNoPrivateKey()
    {
        await using var host = await ExportTestHost.CreateAsync();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var withKey = new CertificateRequest("CN=Public only", key, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        using var publicOnly = X509CertificateLoader.LoadCertificate(withKey.RawData);
        var path = Path.Combine(_folder, "public-only.pfx");
        await File.WriteAllBytesAsync(path, publicOnly.Export(X509ContentType.Pkcs12, "pw"), Ct);

        using var certificates = Certificates(host, new SigningOptions { CertificatePath = path, CertificatePassword = "pw" });
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => certificates.GetCurrentAsync(Ct));

        Assert.Contains("Export:Signing:CertificatePath", refused.Message, StringComparison.Ordinal);
        Assert.Contains("no private key", refused.Message, StringComparison.Ordinal);
    }

    private (string Path, string Sha256) WritePfx(string subject, string password)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = new CertificateRequest(subject, key, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(2));
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return (path, SigningCertificates.Fingerprint(certificate));
    }

    /// <summary>The same database and Data Protection keys, as the next start with other settings would see them.</summary>
    private static SigningCertificates Certificates(ExportTestHost host, SigningOptions options) =>
        new(host.DbFactory, host.Get<IDataProtectionProvider>(), Options.Create(options), host.Get<AppPaths>(), TimeProvider.System,
            NullLogger<SigningCertificates>.Instance);

    private static async Task<byte[]> ExportAsync(ExportTestHost host)
    {
        await ActivitySeed.InsertAsync(host.DbFactory, ActivitySeed.Rows(5));
        var pipeline = new ExportPipeline(host, await host.CreateUserAsync("signer"));
        var jobId = await pipeline.RequestAsync();
        await pipeline.RunAsync(jobId);
        var job = await host.JobAsync(jobId);
        var fileName = (await host.QueryAsync(db => db.Attachments.Where(a => a.Id == job.AttachmentId).Select(a => a.FileName))).Single();
        await using var stream = await host.Get<IFileStorage>().OpenReadAsync(fileName, CancellationToken.None);
        using var buffer = new MemoryStream();
        await stream!.CopyToAsync(buffer, Ct);
        return buffer.ToArray();
    }
}
