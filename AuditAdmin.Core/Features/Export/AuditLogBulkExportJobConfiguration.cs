using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AuditAdmin.Core.Features.Export;

internal sealed class AuditLogBulkExportJobConfiguration(string inProgressFilterSql)
    : IEntityTypeConfiguration<AuditLogBulkExportJob>
{
    public const string DuplicateIndexName = "IX_AuditLogBulkExportJobs_UserId_FilterHash_Format_InProgress";

    public void Configure(EntityTypeBuilder<AuditLogBulkExportJob> builder)
    {
        builder.ToTable("AuditLogBulkExportJobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).ValueGeneratedNever();
        builder.Property(j => j.UserId).HasMaxLength(450).IsRequired();
        builder.Property(j => j.Filters).HasMaxLength(64_000).IsRequired();
        builder.Property(j => j.FilterHash).HasMaxLength(64).IsRequired();
        builder.Property(j => j.Format).HasMaxLength(16).IsRequired();
        builder.Property(j => j.Status).HasMaxLength(16).IsRequired();

        // Duplicate detection lives in the database: at most one in-progress job per user, filter and format.
        builder.HasIndex(j => new { j.UserId, j.FilterHash, j.Format })
            .IsUnique()
            .HasFilter(inProgressFilterSql)
            .HasDatabaseName(DuplicateIndexName);
        builder.HasIndex(j => new { j.Status, j.CreatedAt });
        builder.HasIndex(j => new { j.UserId, j.CreatedAt });
        builder.HasIndex(j => j.AttachmentId);
    }
}
