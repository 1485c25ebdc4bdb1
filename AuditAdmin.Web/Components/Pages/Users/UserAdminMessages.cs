using AuditAdmin.Core.Identity;
using AuditAdmin.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace AuditAdmin.Web.Components.Pages.Users;

/// <summary>Turns a <see cref="UserAdminResult"/>'s errors into the reader's language.</summary>
public sealed class UserAdminMessages(IStringLocalizer<SharedResource> localizer, IOptions<IdentityOptions> identityOptions)
{
    public string Describe(UserAdminResult result) =>
        string.Join(" ", result.Errors.Select(e =>
        {
            // Password rules take the configured minimum length as {0}; other messages ignore it.
            var text = localizer[e.Code, identityOptions.Value.Password.RequiredLength];
            return text.ResourceNotFound ? e.Description : text.Value;
        }));
}
