using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace AuditAdmin.Core.Features.Activities;

public static class ActivitiesFeature
{
    public static IHostApplicationBuilder AddActivitiesFeature(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuditLogOptions>().BindConfiguration(AuditLogOptions.Section);
        builder.Services.AddSingleton<AvailableActions>();
        builder.Services.AddSingleton<ActivityQueryService>();
        builder.Services.AddSingleton<ActivityIngestion>();
        builder.Services.AddSingleton<IActivityRecorder, ActivityRecorder>();
        return builder;
    }

    public static IQuartzBuilder AddActivityJobs(this IQuartzBuilder quartz, IConfiguration configuration)
    {
        return quartz;
    }
}
