using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AuditAdmin.Core.Features.Storage;

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.ToTable("Attachments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.CreatorId).HasMaxLength(450).IsRequired();
        builder.Property(a => a.FileName).HasMaxLength(512).IsRequired();
        builder.Property(a => a.OriginalName).HasMaxLength(512).IsRequired();
        builder.Property(a => a.FileFormat).HasMaxLength(32).IsRequired();
        builder.Property(a => a.AttachmentType).HasMaxLength(64).IsRequired();
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.HasIndex(a => a.FileName).IsUnique();
        builder.HasIndex(a => a.CreatorId);
    }
}
