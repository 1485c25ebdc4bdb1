using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AuditAdmin.Core.Features.Signing;

/// <summary>
/// A certificate that signed, or signs, export manifests. Kept for as long as the installation lives, so a bundle
/// signed before a certificate was replaced still verifies. Only a generated certificate keeps its private key
/// here, protected by Data Protection; an operator's stays in their PFX.
/// </summary>
public sealed class SigningCertificateRecord
{
    public Guid Id { get; set; }

    /// <summary>Lower-case hex SHA-256 of <see cref="CertificateDer"/>: the fingerprint shown and put in manifests.</summary>
    public required string Sha256 { get; set; }

    public required byte[] CertificateDer { get; set; }

    /// <summary>The generated certificate's PKCS#8 private key, protected by Data Protection; null for an operator's.</summary>
    public string? ProtectedPrivateKey { get; set; }

    /// <summary>When this installation first used it (UTC).</summary>
    public DateTime FirstUsedAt { get; set; }
}

internal sealed class SigningCertificateRecordConfiguration : IEntityTypeConfiguration<SigningCertificateRecord>
{
    public void Configure(EntityTypeBuilder<SigningCertificateRecord> builder)
    {
        builder.ToTable("SigningCertificates");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(c => c.CertificateDer).HasMaxLength(16_384).IsRequired();
        builder.Property(c => c.ProtectedPrivateKey).HasMaxLength(16_384);
        builder.HasIndex(c => c.Sha256).IsUnique();
    }
}
