using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Export;
using AuditAdmin.Core.Features.Export.Bundle;
using AuditAdmin.Core.Features.Signing;

namespace AuditAdmin.Tests.Features.Export.Bundle;

/// <summary>What every export zip says about itself (DESIGN 6a), checked on a real export.</summary>
public sealed class ExportBundleTests(BundleFixture fixture) : IClassFixture<BundleFixture>
{
    [Fact]
    public async Task Zip_ShouldHoldExactlyTheRecordsAsOfTheRequest_NotItsOwnRequestNorLaterOnes()
    {
        var zip = await fixture.ReadAsync();

        Assert.Equal(fixture.SeededIds, zip.Ids);
        Assert.Equal(fixture.SeededIds[^1], fixture.Job.AsOfActivityId);
        var request = Assert.Single(await fixture.Host.ActivitiesWithActionAsync(SupportedActions.AuditLogBulkExportRequested));
        Assert.True(request.Id > fixture.Job.AsOfActivityId);
        Assert.DoesNotContain(zip.Records, r => r.GetProperty("username").GetString() == "late");
    }

    [Fact]
    public async Task Manifest_ShouldHaveExactlyTheDesignedFields_InOrder()
    {
        var zip = await fixture.ReadAsync();

        using var manifest = JsonDocument.Parse(zip.BundleFiles[ExportManifest.FileName]);
        var root = manifest.RootElement;
        Assert.Equal(["manifestVersion", "generator", "jobId", "requestedBy", "requestedAt", "generatedAt", "asOf", "filters", "filterHash",
            "format", "timeZone", "recordCount", "files", "signingCertificateSha256"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["userId", "username"], root.GetProperty("requestedBy").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["activityId", "time"], root.GetProperty("asOf").EnumerateObject().Select(p => p.Name));
        Assert.All(root.GetProperty("files").EnumerateArray(), f =>
            Assert.Equal(["name", "records", "bytes", "sha256", "firstId", "lastId"], f.EnumerateObject().Select(p => p.Name)));
        Assert.EndsWith("Z", root.GetProperty("asOf").GetProperty("time").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manifest_ShouldDescribeTheJobAndEachDataFileExactly()
    {
        var zip = await fixture.ReadAsync();
        var manifest = zip.Manifest;
        var job = fixture.Job;

        Assert.Equal((1, job.Id, job.UserId, "jeanne"), (manifest.ManifestVersion, manifest.JobId, manifest.RequestedBy.UserId, manifest.RequestedBy.Username));
        Assert.Equal((job.AsOfActivityId, job.AsOfAt), (manifest.AsOf.ActivityId, manifest.AsOf.Time));
        Assert.Equal((job.FilterHash, "json", "Asia/Tokyo", 25L), (manifest.FilterHash, manifest.Format, manifest.TimeZone, manifest.RecordCount));
        Assert.Equal(zip.EntryNames, manifest.Files.Select(f => f.Name));
        Assert.Equal([10L, 10L, 5L], manifest.Files.Select(f => f.Records));
        Assert.Equal(zip.Files.Select(f => f[0].GetProperty("_id").GetInt64()), manifest.Files.Select(f => f.FirstId!.Value));
        Assert.Equal(zip.Files.Select(f => f[^1].GetProperty("_id").GetInt64()), manifest.Files.Select(f => f.LastId!.Value));
        var certificate = await fixture.Host.Get<SigningCertificates>().GetCurrentAsync(CancellationToken.None);
        Assert.Equal(SigningCertificates.Fingerprint(certificate), manifest.SigningCertificateSha256);
        Assert.Equal(["manifest.json", "manifest.p7s", "VERIFY.md"], zip.AllEntryNames.TakeLast(3));
    }

    [Fact]
    public async Task DataFileHashes_ShouldBeTheSha256OfTheZippedBytes()
    {
        var tampered = fixture.Tampered(entries =>
        {
            var manifest = ExportManifest.TryParse(entries[ExportManifest.FileName])!;
            foreach (var file in manifest.Files)
            {
                Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(entries[file.Name])));
                Assert.Equal(file.Bytes, entries[file.Name].LongLength);
            }
        });

        Assert.NotEmpty(tampered);
    }

    [Fact]
    public async Task VerifyGuide_ShouldBeInTheRequestersLanguage_WithTheOfflineCommands()
    {
        var zip = await fixture.ReadAsync();

        var guide = Encoding.UTF8.GetString(zip.BundleFiles[ExportManifest.GuideFileName]);
        Assert.StartsWith("# Vérifier cet export du journal d'audit", guide, StringComparison.Ordinal);
        Assert.Contains("openssl cms -verify -binary -inform DER -in manifest.p7s -content manifest.json -CAfile signing-certificate.pem -purpose any", guide,
            StringComparison.Ordinal);
        Assert.Contains("sha256sum " + string.Join(' ', zip.EntryNames), guide, StringComparison.Ordinal);
        Assert.Contains(zip.Manifest.SigningCertificateSha256, guide, StringComparison.Ordinal);
        Assert.Contains("25", guide, StringComparison.Ordinal);
    }
}
