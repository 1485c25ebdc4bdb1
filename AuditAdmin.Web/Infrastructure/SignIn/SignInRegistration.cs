namespace AuditAdmin.Web.Infrastructure.SignIn;

internal static class SignInRegistration
{
    /// <summary>Rate limits, equal work for unknown names and coalesced records of their failures.</summary>
    public static IServiceCollection AddSignInProtection(this IServiceCollection services)
    {
        services.AddOptions<SignInOptions>().BindConfiguration(SignInOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<DecoyPassword>();
        services.AddSingleton<UnknownUsernameFailures>();
        services.AddHostedService<UnknownUsernameFailuresFlush>();
        return services;
    }
}
