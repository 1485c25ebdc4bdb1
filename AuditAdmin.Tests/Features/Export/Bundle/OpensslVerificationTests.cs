using System.Diagnostics;
using AuditAdmin.Core.Features.Export.Bundle;
using AuditAdmin.Core.Features.Signing;

namespace AuditAdmin.Tests.Features.Export.Bundle;

/// <summary>Anyone can verify a bundle offline with openssl alone: the exact command of DESIGN 6a, run for real.</summary>
public sealed class OpensslVerificationTests(BundleFixture fixture) : IClassFixture<BundleFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("auditadmin-openssl-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<(int ExitCode, string Output)> OpensslVerifyAsync(byte[] manifest, byte[] signature)
    {
        await File.WriteAllBytesAsync(Path.Combine(_folder, "manifest.json"), manifest);
        await File.WriteAllBytesAsync(Path.Combine(_folder, "manifest.p7s"), signature);
        var certificate = await fixture.Host.Get<SigningCertificates>().GetCurrentAsync(CancellationToken.None);
        await File.WriteAllTextAsync(Path.Combine(_folder, "signing-certificate.pem"), certificate.ExportCertificatePem());
        var start = new ProcessStartInfo("openssl", ["cms", "-verify", "-binary", "-inform", "DER", "-in", "manifest.p7s", "-content",
            "manifest.json", "-CAfile", "signing-certificate.pem", "-purpose", "any", "-out", "/dev/null"])
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("openssl could not be started (scripts/test.sh installs it).");
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, output);
    }

    [Fact]
    public async Task Openssl_ShouldVerifyTheRealBundle()
    {
        var zip = await fixture.ReadAsync();

        var (exitCode, output) = await OpensslVerifyAsync(zip.BundleFiles[ExportManifest.FileName], zip.BundleFiles[ExportManifest.SignatureFileName]);

        Assert.True(exitCode == 0, output);
        Assert.Contains("Verification successful", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Openssl_ShouldRefuseATamperedManifest()
    {
        var zip = await fixture.ReadAsync();
        var manifest = zip.BundleFiles[ExportManifest.FileName].ToArray();
        manifest[^3] ^= 0x01;

        var (exitCode, output) = await OpensslVerifyAsync(manifest, zip.BundleFiles[ExportManifest.SignatureFileName]);

        Assert.NotEqual(0, exitCode);
        Assert.DoesNotContain("Verification successful", output, StringComparison.Ordinal);
    }
}
