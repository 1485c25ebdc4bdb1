using AuditAdmin.Core.Identity;
using Microsoft.AspNetCore.Localization;

namespace AuditAdmin.Web.Infrastructure;

/// <summary>First choice of culture: the signed-in user's saved language.</summary>
internal sealed class UserPreferenceCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var language = SupportedCultures.Normalize(httpContext.User.FindFirst(AuditAdminClaims.Language)?.Value);
        return Task.FromResult(language is null ? null : new ProviderCultureResult(language, language));
    }
}
