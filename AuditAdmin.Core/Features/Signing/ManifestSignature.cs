using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace AuditAdmin.Core.Features.Signing;

/// <summary>
/// A detached CMS SignedData (DER) over a manifest's exact bytes, with the signing certificate embedded, as
/// `openssl cms -verify -binary -inform DER -in manifest.p7s -content manifest.json -CAfile cert.pem -purpose any` reads it.
/// </summary>
public static class ManifestSignature
{
    public static byte[] Sign(ReadOnlySpan<byte> content, X509Certificate2 certificate, DateTime signingTimeUtc)
    {
        var cms = new SignedCms(new ContentInfo(content.ToArray()), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate)
        {
            IncludeOption = X509IncludeOption.EndCertOnly,
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"),
        };
        signer.SignedAttributes.Add(new Pkcs9SigningTime(signingTimeUtc));
        cms.ComputeSignature(signer, silent: true);
        return cms.Encode();
    }

    /// <summary>The certificate that made a valid signature over <paramref name="content"/>; null when it does not verify.</summary>
    public static X509Certificate2? VerifiedSigner(ReadOnlySpan<byte> content, byte[] signature)
    {
        try
        {
            var cms = new SignedCms(new ContentInfo(content.ToArray()), detached: true);
            cms.Decode(signature);
            if (cms.SignerInfos.Count != 1 || cms.SignerInfos[0].Certificate is not { } certificate)
            {
                return null;
            }
            cms.CheckSignature(verifySignatureOnly: true);
            return certificate;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
