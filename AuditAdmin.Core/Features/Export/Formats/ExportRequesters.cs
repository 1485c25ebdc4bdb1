using System.Globalization;
using AuditAdmin.Core.Data;
using AuditAdmin.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Core.Features.Export.Formats;

/// <summary>Reads an export's <see cref="ExportRequester"/> from the requester's account.</summary>
internal static class ExportRequesters
{
    /// <summary>The user's language and time zone as they are now; <see cref="ExportRequester.Default"/> for a user that is gone.</summary>
    public static async Task<ExportRequester> FindAsync(AuditAdminDbContext db, string userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Language, u.TimeZone }).FirstOrDefaultAsync(cancellationToken);
        return user is null ? ExportRequester.Default : From(user.Language, user.TimeZone);
    }

    public static ExportRequester From(string? language, string? timeZone) => new(
        CultureInfo.GetCultureInfo(SupportedCultures.Normalize(language) ?? SupportedCultures.Default),
        UserTime.FindZone(timeZone));
}
