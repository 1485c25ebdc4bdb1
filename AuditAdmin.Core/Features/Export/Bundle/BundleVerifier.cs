using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Serialization;
using AuditAdmin.Core.Features.Signing;

namespace AuditAdmin.Core.Features.Export.Bundle;

/// <summary>
/// Checks an export zip as an auditor would offline: the manifest's signature, that its signer is one of the trusted
/// certificates and the one the manifest names, and that the data files are exactly those listed, with their sizes,
/// hashes and record counts (and first and last ids). Every problem found is reported, not only the first.
/// </summary>
public static class BundleVerifier
{
    private const long MaxManifestBytes = 16 * 1024 * 1024;

    /// <param name="zip">A seekable stream of the zip.</param>
    /// <param name="trusted">The certificates whose signatures count (this installation's, or one an auditor was given).</param>
    public static async Task<BundleVerification> VerifyAsync(Stream zip, IReadOnlyCollection<X509Certificate2> trusted,
        CancellationToken cancellationToken)
    {
        ZipArchive archive;
        try
        {
            archive = await ZipArchive.CreateAsync(zip, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, cancellationToken);
        }
        catch (InvalidDataException)
        {
            return new BundleVerification([new BundleProblem(BundleProblemKind.NotAZip)], null, null);
        }
        await using (archive)
        {
            return await VerifyAsync(archive, trusted, cancellationToken);
        }
    }

    private static async Task<BundleVerification> VerifyAsync(ZipArchive archive, IReadOnlyCollection<X509Certificate2> trusted,
        CancellationToken cancellationToken)
    {
        var problems = new List<BundleProblem>();
        var entries = archive.Entries.Where(e => !e.FullName.EndsWith('/')).ToDictionary(e => e.FullName, StringComparer.Ordinal);
        var manifestBytes = entries.TryGetValue(ExportManifest.FileName, out var manifestEntry) && manifestEntry.Length <= MaxManifestBytes
            ? await ReadAllAsync(manifestEntry, cancellationToken)
            : null;
        var signature = entries.TryGetValue(ExportManifest.SignatureFileName, out var signatureEntry) && signatureEntry.Length <= MaxManifestBytes
            ? await ReadAllAsync(signatureEntry, cancellationToken)
            : null;
        if (manifestBytes is null)
        {
            problems.Add(new BundleProblem(BundleProblemKind.ManifestMissing, ExportManifest.FileName));
        }
        if (signature is null)
        {
            problems.Add(new BundleProblem(BundleProblemKind.SignatureMissing, ExportManifest.SignatureFileName));
        }
        if (manifestBytes is null)
        {
            return new BundleVerification(problems, null, null);
        }

        string? signerSha = null;
        if (signature is not null)
        {
            if (ManifestSignature.VerifiedSigner(manifestBytes, signature) is { } signer)
            {
                signerSha = SigningCertificates.Fingerprint(signer);
                if (!trusted.Any(t => SigningCertificates.Fingerprint(t) == signerSha))
                {
                    problems.Add(new BundleProblem(BundleProblemKind.UnknownSigner, signerSha));
                }
            }
            else
            {
                problems.Add(new BundleProblem(BundleProblemKind.SignatureInvalid, ExportManifest.SignatureFileName));
            }
        }

        var manifest = ExportManifest.TryParse(manifestBytes);
        if (manifest is null)
        {
            problems.Add(new BundleProblem(BundleProblemKind.ManifestUnreadable, ExportManifest.FileName));
            return new BundleVerification(problems, null, signerSha);
        }
        if (signerSha is not null && !string.Equals(manifest.SigningCertificateSha256, signerSha, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(new BundleProblem(BundleProblemKind.SignerMismatch, manifest.SigningCertificateSha256));
        }

        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in manifest.Files)
        {
            listed.Add(file.Name);
            if (!entries.TryGetValue(file.Name, out var entry))
            {
                problems.Add(new BundleProblem(BundleProblemKind.FileMissing, file.Name));
                continue;
            }
            problems.AddRange(await CheckFileAsync(entry, file, manifest.Format, cancellationToken));
        }
        string[] bundleFiles = [ExportManifest.FileName, ExportManifest.SignatureFileName, ExportManifest.GuideFileName];
        problems.AddRange(entries.Keys.Where(name => !listed.Contains(name) && !bundleFiles.Contains(name)).Order(StringComparer.Ordinal)
            .Select(name => new BundleProblem(BundleProblemKind.FileUnexpected, name)));
        if (manifest.Files.Sum(f => f.Records) != manifest.RecordCount)
        {
            problems.Add(new BundleProblem(BundleProblemKind.RecordCountMismatch, manifest.RecordCount.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return new BundleVerification(problems, manifest, signerSha);
    }

    private static async Task<List<BundleProblem>> CheckFileAsync(ZipArchiveEntry entry, ManifestFile file, string format,
        CancellationToken cancellationToken)
    {
        var problems = new List<BundleProblem>();
        if (entry.Length != file.Bytes)
        {
            problems.Add(new BundleProblem(BundleProblemKind.FileSizeMismatch, file.Name));
        }
        string sha;
        await using (var stream = await entry.OpenAsync(cancellationToken))
        {
            sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        }
        if (!string.Equals(sha, file.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(new BundleProblem(BundleProblemKind.FileHashMismatch, file.Name));
            return problems;
        }
        var (records, firstId, lastId) = await CountAsync(entry, format, cancellationToken);
        if (records != file.Records || firstId != file.FirstId || lastId != file.LastId)
        {
            problems.Add(new BundleProblem(BundleProblemKind.FileRecordsMismatch, file.Name));
        }
        return problems;
    }

    /// <summary>Records in a data file, with the first and last id; (-1, null, null) when the file cannot be read as its format.</summary>
    private static async Task<(long Records, long? FirstId, long? LastId)> CountAsync(ZipArchiveEntry entry, string format,
        CancellationToken cancellationToken)
    {
        await using var stream = await entry.OpenAsync(cancellationToken);
        return await Formats.ExportFileRecords.CountAsync(stream, format, cancellationToken);
    }

    private static async Task<byte[]> ReadAllAsync(ZipArchiveEntry entry, CancellationToken cancellationToken)
    {
        await using var stream = await entry.OpenAsync(cancellationToken);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

}
