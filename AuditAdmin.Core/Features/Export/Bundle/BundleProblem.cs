namespace AuditAdmin.Core.Features.Export.Bundle;

/// <summary>What made a bundle fail verification; <see cref="Subject"/> names the file or value concerned.</summary>
public sealed record BundleProblem(BundleProblemKind Kind, string? Subject = null);

public enum BundleProblemKind
{
    NotAZip,
    ManifestMissing,
    ManifestUnreadable,
    SignatureMissing,
    SignatureInvalid,
    UnknownSigner,
    SignerMismatch,
    FileMissing,
    FileUnexpected,
    FileHashMismatch,
    FileSizeMismatch,
    FileRecordsMismatch,
    RecordCountMismatch,
}

/// <summary>The verdict on a bundle: authentic when nothing is wrong; the manifest as read, when it could be.</summary>
public sealed record BundleVerification(IReadOnlyList<BundleProblem> Problems, ExportManifest? Manifest, string? SignerSha256)
{
    public bool Authentic => Problems.Count == 0;
}
