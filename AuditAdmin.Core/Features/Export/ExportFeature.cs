using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace AuditAdmin.Core.Features.Export;

public static class ExportFeature
{
    public static IHostApplicationBuilder AddExportFeature(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ExportService>();
        return builder;
    }

    public static IQuartzBuilder AddExportJobs(this IQuartzBuilder quartz, IConfiguration configuration)
    {
        return quartz;
    }
}
