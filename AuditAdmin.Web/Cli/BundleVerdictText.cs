using System.Globalization;
using System.Text;
using AuditAdmin.Core.Features.Export.Bundle;

namespace AuditAdmin.Web.Cli;

/// <summary>The verdict of <c>verify</c> as plain English lines: what was checked, then exactly what failed.</summary>
internal static class BundleVerdictText
{
    public static string Describe(BundleVerification result, string fileName)
    {
        var text = new StringBuilder();
        if (result.Manifest is { } m)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{fileName}: export {m.JobId} ({m.Format}) requested by {m.RequestedBy.Username ?? m.RequestedBy.UserId}")
                .AppendLine(CultureInfo.InvariantCulture, $"  as of activity {m.AsOf.ActivityId} at {m.AsOf.Time:yyyy-MM-dd'T'HH:mm:ss'Z'}: {m.RecordCount} records in {m.Files.Count} files")
                .AppendLine(CultureInfo.InvariantCulture, $"  signer: {result.SignerSha256 ?? "none"}");
        }
        text.AppendLine("  checked: zip, manifest.json, manifest.p7s signature and signer, every listed file's size, SHA-256 and records, no unlisted file");
        if (result.Authentic)
        {
            text.Append("AUTHENTIC");
            return text.ToString();
        }
        foreach (var problem in result.Problems)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  FAILED: {Explain(problem)}");
        }
        text.Append("NOT AUTHENTIC");
        return text.ToString();
    }

    private static string Explain(BundleProblem p) => p.Kind switch
    {
        BundleProblemKind.NotAZip => "the file is not a zip archive",
        BundleProblemKind.ManifestMissing => "manifest.json is missing",
        BundleProblemKind.ManifestUnreadable => "manifest.json cannot be read as a manifest",
        BundleProblemKind.SignatureMissing => "manifest.p7s is missing",
        BundleProblemKind.SignatureInvalid => "the signature in manifest.p7s does not match manifest.json",
        BundleProblemKind.UnknownSigner => $"the manifest was signed by a certificate that is not trusted here ({p.Subject})",
        BundleProblemKind.SignerMismatch => $"the manifest names another signing certificate ({p.Subject})",
        BundleProblemKind.FileMissing => $"{p.Subject} is listed in the manifest but missing",
        BundleProblemKind.FileUnexpected => $"{p.Subject} is in the archive but not in the manifest",
        BundleProblemKind.FileHashMismatch => $"{p.Subject} does not have the SHA-256 the manifest lists",
        BundleProblemKind.FileSizeMismatch => $"{p.Subject} does not have the size the manifest lists",
        BundleProblemKind.FileRecordsMismatch => $"{p.Subject} does not hold the records the manifest lists",
        BundleProblemKind.RecordCountMismatch => "the manifest's record count is not the sum of its files",
        _ => p.Kind.ToString(),
    };
}
