using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AuditAdmin.Core.Features.Activities;

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public const int MaxUserIdLength = 450;
    public const int MaxUsernameLength = 256;
    public const int MaxActionLength = 100;
    public const int MaxModelLength = 64;
    public const int MaxTargetLength = 128;
    public const int MaxIpLength = 64;
    public const int MaxEndpointLength = 2048;
    public const int MaxSnapshotLength = 8192;

    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.ToTable("Activities");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedOnAdd();
        builder.Property(a => a.UserId).HasMaxLength(MaxUserIdLength);
        builder.Property(a => a.Username).HasMaxLength(MaxUsernameLength);
        builder.Property(a => a.Action).HasMaxLength(MaxActionLength).IsRequired();
        builder.Property(a => a.TargetModel).HasMaxLength(MaxModelLength);
        builder.Property(a => a.Target).HasMaxLength(MaxTargetLength);
        builder.Property(a => a.EventModel).HasMaxLength(MaxModelLength);
        builder.Property(a => a.Event).HasMaxLength(MaxTargetLength);
        builder.Property(a => a.Ip).HasMaxLength(MaxIpLength);
        builder.Property(a => a.Endpoint).HasMaxLength(MaxEndpointLength);
        builder.Property(a => a.Snapshot).HasMaxLength(MaxSnapshotLength);
        // Every row written before provenance existed was written by the app.
        builder.Property(a => a.Source).HasMaxLength(16).IsRequired().HasDefaultValue(ActivitySources.App);
        builder.Property(a => a.IngestedBy).HasMaxLength(MaxUsernameLength);

        // Newest-first list (and retention's "older than" scan) with a stable tie-break.
        builder.HasIndex(a => new { a.CreatedAt, a.Id });
        // Filters of the list page: username or action, then the date range.
        builder.HasIndex(a => new { a.Username, a.CreatedAt });
        builder.HasIndex(a => new { a.Action, a.CreatedAt });
        builder.HasIndex(a => a.UserId);
    }
}
