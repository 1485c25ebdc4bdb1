using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AuditAdmin.Core.Features.Signing;

public static class SigningFeature
{
    public static IHostApplicationBuilder AddSigningFeature(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SigningOptions>().BindConfiguration(SigningOptions.Section);
        builder.Services.AddSingleton<SigningCertificates>();
        return builder;
    }
}
