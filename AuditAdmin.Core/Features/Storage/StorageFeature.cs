using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AuditAdmin.Core.Features.Storage;

public static class StorageFeature
{
    public static IHostApplicationBuilder AddStorageFeature(this IHostApplicationBuilder builder)
    {
        return builder;
    }
}
