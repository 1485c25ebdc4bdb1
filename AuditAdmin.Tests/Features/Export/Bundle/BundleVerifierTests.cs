using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using AuditAdmin.Core.Features.Export.Bundle;
using AuditAdmin.Core.Features.Signing;

namespace AuditAdmin.Tests.Features.Export.Bundle;

/// <summary>The verifier accepts the real bundle and refuses each kind of tampering with the right reason.</summary>
public sealed class BundleVerifierTests(BundleFixture fixture) : IClassFixture<BundleFixture>
{
    private async Task<BundleVerification> VerifyAsync(byte[] zip, IReadOnlyCollection<X509Certificate2>? trusted = null) =>
        await BundleVerifier.VerifyAsync(new MemoryStream(zip),
            trusted ?? await fixture.Host.Get<SigningCertificates>().ListAsync(CancellationToken.None), CancellationToken.None);

    private static string FirstDataFile(Dictionary<string, byte[]> entries) => entries.Keys.Where(n => n.StartsWith("audit-logs-", StringComparison.Ordinal)).Order().First();

    [Fact]
    public async Task Verify_ShouldFindTheRealBundleAuthentic()
    {
        var result = await VerifyAsync(fixture.Zip);

        Assert.Empty(result.Problems);
        Assert.True(result.Authentic);
        Assert.Equal(fixture.Job.Id, result.Manifest!.JobId);
    }

    public static TheoryData<string, BundleProblemKind> Tamperings() => new()
    {
        { "edited record", BundleProblemKind.FileHashMismatch },
        { "removed file", BundleProblemKind.FileMissing },
        { "added file", BundleProblemKind.FileUnexpected },
        { "renamed file", BundleProblemKind.FileMissing },
        { "edited manifest", BundleProblemKind.SignatureInvalid },
        { "swapped signature", BundleProblemKind.SignatureInvalid },
        { "removed signature", BundleProblemKind.SignatureMissing },
    };

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task Verify_ShouldRefuseATamperedBundle_WithTheReason(string tampering, BundleProblemKind expected)
    {
        var zip = fixture.Tampered(entries =>
        {
            var first = FirstDataFile(entries);
            switch (tampering)
            {
                case "edited record":
                    entries[first] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(entries[first]).Replace("\"username\":\"", "\"username\":\"x", StringComparison.Ordinal));
                    break;
                case "removed file":
                    entries.Remove(first);
                    break;
                case "added file":
                    entries["audit-logs-extra-99.json"] = "[]"u8.ToArray();
                    break;
                case "renamed file":
                    entries["renamed.json"] = entries[first];
                    entries.Remove(first);
                    break;
                case "edited manifest":
                    entries[ExportManifest.FileName] = Encoding.UTF8.GetBytes(
                        Encoding.UTF8.GetString(entries[ExportManifest.FileName]).Replace("\"recordCount\": 25", "\"recordCount\": 24", StringComparison.Ordinal));
                    break;
                case "swapped signature":
                    entries[ExportManifest.SignatureFileName] = ManifestSignature.Sign("{}"u8, SelfSigned(), DateTime.UtcNow);
                    break;
                case "removed signature":
                    entries.Remove(ExportManifest.SignatureFileName);
                    break;
            }
        });

        var result = await VerifyAsync(zip);

        Assert.False(result.Authentic);
        Assert.Contains(result.Problems, p => p.Kind == expected);
        if (tampering == "renamed file")
        {
            Assert.Contains(result.Problems, p => p is { Kind: BundleProblemKind.FileUnexpected, Subject: "renamed.json" });
        }
    }

    [Fact]
    public async Task Verify_ShouldRefuseABundleSignedByAnotherInstallation()
    {
        using var other = SelfSigned();
        var zip = fixture.Tampered(entries =>
            entries[ExportManifest.SignatureFileName] = ManifestSignature.Sign(entries[ExportManifest.FileName], other, DateTime.UtcNow));

        var result = await VerifyAsync(zip);

        Assert.Contains(result.Problems, p => p.Kind == BundleProblemKind.UnknownSigner);
        Assert.Contains(result.Problems, p => p.Kind == BundleProblemKind.SignerMismatch);
        // Trusting the other installation's certificate instead: the signature holds, but the manifest names ours.
        var trustingOther = await VerifyAsync(zip, [other]);
        Assert.Equal([BundleProblemKind.SignerMismatch], trustingOther.Problems.Select(p => p.Kind));
    }

    [Fact]
    public async Task Verify_ShouldRefuseSomethingThatIsNotAZip()
    {
        var result = await VerifyAsync("not a zip"u8.ToArray());

        Assert.Equal([BundleProblemKind.NotAZip], result.Problems.Select(p => p.Kind));
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Another installation", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddYears(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.EphemeralKeySet);
    }
}
