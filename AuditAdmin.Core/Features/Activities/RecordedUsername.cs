using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AuditAdmin.Core.Features.Activities;

/// <summary>
/// One distinct <see cref="Activity.Username"/>, for the username autocomplete: finding distinct names among millions
/// of activities would read the whole index on every keystroke. Added whenever an activity is saved (see
/// <see cref="Data.AuditAdminDbContext"/> and <see cref="ActivityBulkWriter"/>); names without activities left are
/// removed by the retention job.
/// </summary>
public sealed class RecordedUsername
{
    public required string Username { get; init; }
}

internal sealed class RecordedUsernameConfiguration : IEntityTypeConfiguration<RecordedUsername>
{
    public void Configure(EntityTypeBuilder<RecordedUsername> builder)
    {
        builder.ToTable("RecordedUsernames");
        builder.HasKey(r => r.Username);
        builder.Property(r => r.Username).HasMaxLength(ActivityConfiguration.MaxUsernameLength);
    }
}
