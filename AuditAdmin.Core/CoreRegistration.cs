using AuditAdmin.Core.Configuration;
using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Export;
using AuditAdmin.Core.Features.Notifications;
using AuditAdmin.Core.Features.Signing;
using AuditAdmin.Core.Features.Storage;
using AuditAdmin.Core.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace AuditAdmin.Core;

public static class CoreRegistration
{
    /// <summary>Data, features and the one Quartz scheduler that all features add their jobs to.</summary>
    public static IHostApplicationBuilder AddAuditAdminCore(this IHostApplicationBuilder builder)
    {
        builder.Configuration.AddGrowiAliases();
        var paths = AppPaths.From(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(paths);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddLocalization();

        builder.AddAuditAdminData(paths);
        builder.AddIdentityFeature();
        builder.AddActivitiesFeature();
        builder.AddStorageFeature();
        builder.AddNotificationsFeature();
        builder.AddSigningFeature();
        builder.AddExportFeature();

        builder.Services.AddQuartz(q =>
        {
            q.AddActivityJobs(builder.Configuration);
            q.AddExportJobs(builder.Configuration);
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }
}
