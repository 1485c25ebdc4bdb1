using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AuditAdmin.Core.Features.Storage;

public static class StorageFeature
{
    public static IHostApplicationBuilder AddStorageFeature(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .PostConfigure<AppPaths>((o, paths) => o.Local.Root = paths.Resolve(o.Local.Root, LocalStorageOptions.DefaultRootName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IFileStorage, LocalFileStorage>();
        builder.Services.AddSingleton<AttachmentService>();
        return builder;
    }
}
