using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Export;
using AuditAdmin.Core.Features.Maintenance;
using AuditAdmin.Core.Features.Notifications;
using AuditAdmin.Core.Features.Signing;
using AuditAdmin.Core.Features.Storage;
using AuditAdmin.Core.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Core.Data;

/// <summary>
/// The one model of the application. Each provider has a sealed subclass, which keys its own migration set
/// and supplies the SQL that differs between providers (filtered-index predicates).
/// </summary>
public abstract class AuditAdminDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<AuditLogBulkExportJob> AuditLogBulkExportJobs => Set<AuditLogBulkExportJob>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<InAppNotification> InAppNotifications => Set<InAppNotification>();
    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();
    public DbSet<MaintenanceRun> MaintenanceRuns => Set<MaintenanceRun>();
    public DbSet<RecordedUsername> RecordedUsernames => Set<RecordedUsername>();
    public DbSet<SigningCertificateRecord> SigningCertificates => Set<SigningCertificateRecord>();

    /// <summary>ASP.NET Core Data Protection's key ring, shared by every node and kept across restarts.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Predicate selecting in-progress export jobs, in this provider's SQL dialect.</summary>
    protected abstract string InProgressExportJobFilterSql { get; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfiguration(new AppUserConfiguration());
        builder.ApplyConfiguration(new AccessTokenConfiguration());
        builder.ApplyConfiguration(new ActivityConfiguration());
        builder.ApplyConfiguration(new AuditLogBulkExportJobConfiguration(InProgressExportJobFilterSql));
        builder.ApplyConfiguration(new AttachmentConfiguration());
        builder.ApplyConfiguration(new InAppNotificationConfiguration());
        builder.ApplyConfiguration(new MaintenanceRunConfiguration());
        builder.ApplyConfiguration(new RecordedUsernameConfiguration());
        builder.ApplyConfiguration(new SigningCertificateRecordConfiguration());
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is UTC; providers hand values back as Unspecified, so restore the kind on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}

public sealed class SqliteAuditAdminDbContext(DbContextOptions options) : AuditAdminDbContext(options)
{
    protected override string InProgressExportJobFilterSql => "\"Status\" IN ('exporting', 'uploading')";
}

public sealed class SqlServerAuditAdminDbContext(DbContextOptions options) : AuditAdminDbContext(options)
{
    protected override string InProgressExportJobFilterSql => "[Status] IN ('exporting', 'uploading')";
}

public sealed class PostgreSqlAuditAdminDbContext(DbContextOptions options) : AuditAdminDbContext(options)
{
    protected override string InProgressExportJobFilterSql => "\"Status\" IN ('exporting', 'uploading')";
}
