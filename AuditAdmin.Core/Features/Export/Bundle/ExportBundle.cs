using System.Globalization;
using System.Reflection;
using System.Text.Json;
using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Export.Pipeline;
using AuditAdmin.Core.Features.Signing;
using AuditAdmin.Core.Identity;
using AuditAdmin.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AuditAdmin.Core.Features.Export.Bundle;

/// <summary>
/// The bundle files of an export zip (DESIGN 6a): manifest.json describing the data files exactly as they were
/// zipped, manifest.p7s signing its bytes, and VERIFY.md in the requester's language.
/// </summary>
internal sealed class ExportBundle(
    IDbContextFactory<AuditAdminDbContext> dbFactory,
    SigningCertificates certificates,
    IStringLocalizer<ExportResource> localizer,
    TimeProvider clock)
{
    private static readonly string Generator = "AuditAdmin " + (typeof(ExportBundle).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0");

    public async Task<IReadOnlyList<(string Name, byte[] Content)>> CreateAsync(AuditLogBulkExportJob job,
        IReadOnlyList<(string Name, ExportFileStats? Stats)> files, CancellationToken cancellationToken)
    {
        var requester = await RequesterAsync(job.UserId, cancellationToken);
        var certificate = await certificates.GetCurrentAsync(cancellationToken);
        var manifestFiles = files.Select(file =>
        {
            var stats = file.Stats ?? throw new InvalidOperationException($"Export job {job.Id}: no stats for {file.Name}.");
            return new ManifestFile(file.Name, stats.Records, stats.Bytes, stats.Sha256!, stats.FirstId, stats.LastId);
        }).ToList();
        using var filters = JsonDocument.Parse(job.Filters);
        var now = clock.GetUtcNow().UtcDateTime;
        var manifest = new ExportManifest(
            ExportManifest.CurrentVersion,
            Generator,
            job.Id,
            new ManifestRequester(job.UserId, requester.Username),
            job.CreatedAt,
            now,
            new ManifestAsOf(job.AsOfActivityId, job.AsOfAt),
            filters.RootElement.Clone(),
            job.FilterHash,
            job.Format,
            requester.TimeZone,
            manifestFiles.Sum(f => f.Records),
            manifestFiles,
            SigningCertificates.Fingerprint(certificate));
        var bytes = manifest.ToUtf8Bytes();
        return
        [
            (ExportManifest.FileName, bytes),
            (ExportManifest.SignatureFileName, ManifestSignature.Sign(bytes, certificate, now)),
            (ExportManifest.GuideFileName, VerifyGuide.Write(localizer, requester.Culture, manifest)),
        ];
    }

    private async Task<(string? Username, string TimeZone, CultureInfo Culture)> RequesterAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.UserName, u.TimeZone, u.Language }).FirstOrDefaultAsync(cancellationToken);
        var culture = CultureInfo.GetCultureInfo(SupportedCultures.Normalize(user?.Language) ?? SupportedCultures.Default);
        return (user?.UserName, user?.TimeZone ?? UserTime.FindZone(null).Id, culture);
    }
}
