using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AuditAdmin.Core.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuditAdmin.Core.Features.Signing;

/// <summary>
/// The certificate that signs export manifests: the operator's PFX when configured, otherwise one generated at first
/// use (self-signed, ECDSA P-256, five years) whose private key is kept in the database under Data Protection, so
/// every node and every restart sign with the same key. Every certificate ever used stays known for verification.
/// </summary>
public sealed class SigningCertificates(
    IDbContextFactory<AuditAdminDbContext> dbFactory,
    IDataProtectionProvider dataProtection,
    IOptions<SigningOptions> options,
    AppPaths paths,
    TimeProvider clock,
    ILogger<SigningCertificates> logger) : IDisposable
{
    private const string ProtectorPurpose = "AuditAdmin.Export.SigningKey.v1";
    private static readonly TimeSpan GeneratedLifetime = TimeSpan.FromDays(5 * 365);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private X509Certificate2? _current;

    /// <summary>The signing certificate with its private key (loaded or generated once, then cached).</summary>
    public async Task<X509Certificate2> GetCurrentAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _current) is { } cached)
        {
            return cached;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _current ??= await LoadAsync(cancellationToken);
            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Every certificate this installation has signed with: the current one first, then the older ones.</summary>
    public async Task<IReadOnlyList<X509Certificate2>> ListAsync(CancellationToken cancellationToken)
    {
        var current = await GetCurrentAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var older = await db.SigningCertificates.AsNoTracking().OrderByDescending(c => c.FirstUsedAt)
            .Select(c => new { c.Sha256, c.CertificateDer }).ToListAsync(cancellationToken);
        var currentSha = Fingerprint(current);
        return [current, .. older.Where(c => c.Sha256 != currentSha).Select(c => X509CertificateLoader.LoadCertificate(c.CertificateDer))];
    }

    /// <summary>Lower-case hex SHA-256 of the certificate's DER.</summary>
    public static string Fingerprint(X509Certificate2 certificate) => Convert.ToHexStringLower(SHA256.HashData(certificate.RawData));

    private async Task<X509Certificate2> LoadAsync(CancellationToken cancellationToken)
    {
        var configured = options.Value.CertificatePath;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var path = Path.IsPathRooted(configured) ? configured : Path.Combine(paths.DataDirectory, configured);
            var operatorCertificate = X509CertificateLoader.LoadPkcs12FromFile(path, options.Value.CertificatePassword,
                X509KeyStorageFlags.EphemeralKeySet);
            if (!operatorCertificate.HasPrivateKey)
            {
                throw new InvalidOperationException($"Export:Signing:CertificatePath ({path}) holds no private key.");
            }
            await RememberAsync(operatorCertificate, protectedKey: null, cancellationToken);
            logger.LogInformation("Export manifests are signed with the configured certificate {Fingerprint}", Fingerprint(operatorCertificate));
            return operatorCertificate;
        }

        var protector = dataProtection.CreateProtector(ProtectorPurpose);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var stored = await db.SigningCertificates.AsNoTracking().Where(c => c.ProtectedPrivateKey != null)
                .OrderByDescending(c => c.FirstUsedAt).FirstOrDefaultAsync(cancellationToken);
            if (stored is not null)
            {
                return WithKey(stored.CertificateDer, protector.Unprotect(Convert.FromBase64String(stored.ProtectedPrivateKey!)));
            }
        }
        var generated = Generate();
        using var key = generated.GetECDsaPrivateKey()!;
        await RememberAsync(generated, Convert.ToBase64String(protector.Protect(key.ExportPkcs8PrivateKey())), cancellationToken);
        logger.LogInformation("Generated the export signing certificate {Fingerprint}", Fingerprint(generated));
        return generated;
    }

    private X509Certificate2 Generate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=AuditAdmin export signing, O=AuditAdmin", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = clock.GetUtcNow();
        using var selfSigned = request.CreateSelfSigned(now.AddMinutes(-5), now.Add(GeneratedLifetime));
        // Re-imported so the private key is ephemeral (no key file on disk) yet usable for signing.
        return X509CertificateLoader.LoadPkcs12(selfSigned.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.EphemeralKeySet);
    }

    private static X509Certificate2 WithKey(byte[] der, byte[] pkcs8)
    {
        using var certificate = X509CertificateLoader.LoadCertificate(der);
        using var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(pkcs8, out _);
        using var withKey = certificate.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.EphemeralKeySet);
    }

    private async Task RememberAsync(X509Certificate2 certificate, string? protectedKey, CancellationToken cancellationToken)
    {
        var sha = Fingerprint(certificate);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.SigningCertificates.AnyAsync(c => c.Sha256 == sha, cancellationToken))
        {
            return;
        }
        db.SigningCertificates.Add(new SigningCertificateRecord
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            Sha256 = sha,
            CertificateDer = certificate.RawData,
            ProtectedPrivateKey = protectedKey,
            FirstUsedAt = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // Another node may have remembered the same certificate first; anything else is a real failure.
            await using var check = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!await check.SigningCertificates.AnyAsync(c => c.Sha256 == sha, cancellationToken))
            {
                throw new InvalidOperationException("Could not store the export signing certificate.", ex);
            }
        }
    }

    public void Dispose()
    {
        _current?.Dispose();
        _gate.Dispose();
    }
}
