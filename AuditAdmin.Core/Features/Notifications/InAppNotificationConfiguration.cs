using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AuditAdmin.Core.Features.Notifications;

internal sealed class InAppNotificationConfiguration : IEntityTypeConfiguration<InAppNotification>
{
    public void Configure(EntityTypeBuilder<InAppNotification> builder)
    {
        builder.ToTable("InAppNotifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.UserId).HasMaxLength(450).IsRequired();
        builder.Property(n => n.Action).HasMaxLength(100).IsRequired();
        builder.Property(n => n.TargetModel).HasMaxLength(64).IsRequired();
        builder.Property(n => n.TargetId).HasMaxLength(64).IsRequired();
        builder.Property(n => n.Status).HasMaxLength(16).IsRequired();
        builder.HasIndex(n => new { n.UserId, n.CreatedAt });
        builder.HasIndex(n => new { n.UserId, n.Status });
        builder.HasIndex(n => new { n.TargetModel, n.TargetId });
    }
}
