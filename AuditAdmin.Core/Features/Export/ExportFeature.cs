using AuditAdmin.Core.Features.Export.Cleanup;
using AuditAdmin.Core.Features.Export.Formats;
using AuditAdmin.Core.Features.Export.Pipeline;
using AuditAdmin.Core.Features.Export.Request;
using AuditAdmin.Core.Features.Export.Scheduling;
using AuditAdmin.Core.Features.Export.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Notifications;
using Quartz;

namespace AuditAdmin.Core.Features.Export;

internal static class ExportFeature
{
    public static IHostApplicationBuilder AddExportFeature(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ExportOptions>()
            .BindConfiguration(ExportOptions.Section)
            .PostConfigure<AppPaths>((o, paths) => o.WorkDirectory = paths.Resolve(o.WorkDirectory, ExportOptions.DefaultWorkDirectoryName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Request
        services.AddSingleton(ExportService.Create);
        services.AddSingleton(ExportEstimator.Create);
        services.AddSingleton(Request.ExportCancellation.Create);
        services.AddSingleton<ExportJobActivity>();
        services.AddSingleton<ExportDownloads>();
        // Scheduling
        services.AddSingleton<IExportJobTrigger, QuartzExportJobTrigger>();
        services.AddSingleton<ExportRunRegistry>();
        services.AddSingleton<ExportDispatcher>();
        // Pipeline
        services.AddSingleton<ExportRunner>();
        services.AddSingleton<ExportJobTransitions>();
        services.AddSingleton<ExportResume>();
        services.AddSingleton<ExportingStage>();
        services.AddSingleton<ZipUploader>();
        services.AddSingleton<ExportWorkDirectory>();
        services.AddSingleton<ExportNotifier>();
        services.AddSingleton<ExportExpiry>();
        // Sources
        services.AddSingleton<ExportRecordSources>();
        services.AddSingleton<NativeSqliteProbe>();
        // Formats: one line each
        services.AddSingleton<ExportFormats>();
        services.AddSingleton<IExportFormat, JsonExportFormat>();
        services.AddSingleton<IExportFormat, NdjsonExportFormat>();
        services.AddSingleton<IExportFormat, CsvExportFormat>();
        // Cleanup
        services.AddSingleton<ExportCleanup>();
        services.AddSingleton<INotificationTargetResolver, ExportNotificationTargets>();
        services.AddSingleton<IActivityRetentionHold, ExportRetentionHold>();
        services.AddSingleton<Bundle.BundleVerificationRecorder>();
        services.AddSingleton<Bundle.ExportBundle>();
        return builder;
    }

    /// <summary>
    /// The run job is stored durably and fired on demand (by a request, when a slot frees, by the sweep). The sweep
    /// starts with the scheduler, which is the start-up recovery; the cleanup follows a minute later.
    /// </summary>
    public static IQuartzBuilder AddExportJobs(this IQuartzBuilder quartz, IConfiguration configuration)
    {
        var options = configuration.GetSection(ExportOptions.Section).Get<ExportOptions>() ?? new ExportOptions();
        quartz.AddJob<ExportRunJob>(j => j.WithIdentity(ExportRunJob.Key).StoreDurably());
        quartz.ScheduleJob<ExportSweepJob>(
            t => t.WithIdentity("export-sweep-trigger", "export").StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(Math.Max(1, options.SweepIntervalSeconds))).RepeatForever()),
            j => j.WithIdentity(ExportSweepJob.Key));
        quartz.ScheduleJob<ExportCleanupJob>(
            t => t.WithIdentity("export-cleanup-trigger", "export").StartAt(DateTimeOffset.UtcNow.AddMinutes(1))
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(Math.Max(10, options.CleanupIntervalSeconds))).RepeatForever()),
            j => j.WithIdentity(ExportCleanupJob.Key));
        return quartz;
    }
}
