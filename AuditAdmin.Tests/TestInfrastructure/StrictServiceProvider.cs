using Microsoft.Extensions.DependencyInjection;

namespace AuditAdmin.Tests.TestInfrastructure;

/// <summary>
/// Every test host validates its container as Development does: each registration resolvable at build time, and no
/// scoped service taken from the root. A wrong lifetime then fails the tests instead of production.
/// </summary>
public static class StrictServiceProvider
{
    public static readonly ServiceProviderOptions Options = new() { ValidateOnBuild = true, ValidateScopes = true };

    public static ServiceProvider BuildStrictServiceProvider(this IServiceCollection services) => services.BuildServiceProvider(Options);
}
