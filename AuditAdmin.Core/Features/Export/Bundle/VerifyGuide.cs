using System.Globalization;
using System.Text;
using AuditAdmin.Resources;
using Microsoft.Extensions.Localization;

namespace AuditAdmin.Core.Features.Export.Bundle;

/// <summary>VERIFY.md: the offline checks of a bundle (openssl, sha256sum), in the requester's language.</summary>
internal static class VerifyGuide
{
    public const string CertificatePath = "/_api/v3/audit-log-bulk-export/signing-certificate";

    /// <summary>The guide in <paramref name="culture"/>; the commands themselves are never translated.</summary>
    public static byte[] Write(IStringLocalizer<ExportResource> localizer, CultureInfo culture, ExportManifest manifest)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            var dataFiles = string.Join(' ', manifest.Files.Select(f => f.Name));
            var text = new StringBuilder()
                .Append("# ").AppendLine(localizer["VerifyGuide_Title"]).AppendLine()
                .AppendLine(localizer["VerifyGuide_Summary", manifest.RecordCount.ToString("N0", culture), manifest.Files.Count,
                    manifest.RequestedBy.Username ?? manifest.RequestedBy.UserId,
                    manifest.AsOf.Time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    manifest.AsOf.ActivityId.ToString(CultureInfo.InvariantCulture)]).AppendLine()
                .AppendLine(localizer["VerifyGuide_Offline"]).AppendLine()
                .Append("1. ").AppendLine(localizer["VerifyGuide_Step1", CertificatePath, manifest.SigningCertificateSha256]).AppendLine()
                .AppendLine("   ```sh")
                .AppendLine("   openssl x509 -in signing-certificate.pem -noout -fingerprint -sha256")
                .AppendLine("   ```").AppendLine()
                .Append("2. ").AppendLine(localizer["VerifyGuide_Step2"]).AppendLine()
                .AppendLine("   ```sh")
                .AppendLine("   openssl cms -verify -binary -inform DER -in manifest.p7s -content manifest.json -CAfile signing-certificate.pem -purpose any -out /dev/null")
                .AppendLine("   ```").AppendLine()
                .Append("3. ").AppendLine(localizer["VerifyGuide_Step3"]).AppendLine()
                .AppendLine("   ```sh")
                .Append("   sha256sum ").AppendLine(dataFiles)
                .AppendLine("   ```").AppendLine()
                .AppendLine(localizer["VerifyGuide_Failed"]);
            return Encoding.UTF8.GetBytes(text.ToString());
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
