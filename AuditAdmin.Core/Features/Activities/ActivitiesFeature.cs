using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace AuditAdmin.Core.Features.Activities;

public static class ActivitiesFeature
{
    /// <summary>The retention job's first run after start-up: soon, but after start-up work has settled.</summary>
    public static readonly TimeSpan RetentionStartDelay = TimeSpan.FromMinutes(1);

    public static IHostApplicationBuilder AddActivitiesFeature(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuditLogOptions>().BindConfiguration(AuditLogOptions.Section);
        builder.Services.AddSingleton<AvailableActions>();
        builder.Services.AddSingleton<ActivityQueryService>();
        builder.Services.AddSingleton<ActivityRecorder>();
        builder.Services.AddSingleton<IActivityRecorder>(sp => sp.GetRequiredService<ActivityRecorder>());
        builder.Services.AddSingleton<ActivityIngestion>();
        builder.Services.AddSingleton<ActivityRetention>();
        builder.Services.AddSingleton<ActivityBulkWriter>();
        builder.Services.AddSingleton<ActivitySeeder>();
        builder.Services.AddSingleton<IInterceptor, RecordedUsernameUpkeep>();
        return builder;
    }

    /// <summary>Retention: a minute after start, then every AuditLog:RetentionIntervalSeconds (0 turns it off).</summary>
    public static IQuartzBuilder AddActivityJobs(this IQuartzBuilder quartz, IConfiguration configuration)
    {
        var options = configuration.GetSection(AuditLogOptions.Section).Get<AuditLogOptions>() ?? new AuditLogOptions();
        if (options.RetentionIntervalSeconds <= 0)
        {
            return quartz;
        }
        quartz.ScheduleJob<ActivityRetentionJob>(
            trigger => trigger.WithIdentity(ActivityRetentionJob.Trigger)
                .StartAt(DateTimeOffset.UtcNow.Add(RetentionStartDelay))
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(options.RetentionIntervalSeconds)).RepeatForever()),
            job => job.WithIdentity(ActivityRetentionJob.Key));
        return quartz;
    }
}
