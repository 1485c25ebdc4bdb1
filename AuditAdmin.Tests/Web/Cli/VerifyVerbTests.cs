using System.IO.Compression;
using System.Net;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Export;
using AuditAdmin.Tests.Features.Export;
using AuditAdmin.Tests.Web.Endpoints;
using Microsoft.EntityFrameworkCore;
using static AuditAdmin.Tests.TestInfrastructure.ExportApi;

namespace AuditAdmin.Tests.Web.Cli;

/// <summary>"verify &lt;zip&gt;": exit 0 for the app's own bundle, 1 (saying what failed) for a tampered one, 2 on bad usage.</summary>
public sealed class VerifyVerbTests(DefaultGroupExportsFactory factory) : IClassFixture<DefaultGroupExportsFactory>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("auditadmin-verify-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<string> DownloadedBundleAsync()
    {
        // The fixture's database is shared by the class's tests: each bundle holds its own user's 12 records only.
        var username = "verify-cli-" + Guid.NewGuid().ToString("N")[..8];
        await ActivitySeed.InsertAsync(factory.DbFactory, ActivitySeed.Rows(12, usernames: [username]));
        var (owner, client) = await AdminClientAsync(factory);
        using var created = await PostRawAsync(client, $$$"""{"filters":{"usernames":["{{{username}}}"]}}""");
        var jobId = (await JsonAsync(created)).GetProperty("jobId").GetGuid();
        var job = await ExportCompletion.WaitAsync(factory.Services, owner.Id, jobId);
        using var download = await client.GetAsync($"/download/{job.AttachmentId}", Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var path = Path.Combine(_folder, "bundle.zip");
        await File.WriteAllBytesAsync(path, await download.Content.ReadAsByteArrayAsync(Ct), Ct);
        return path;
    }

    [Fact]
    public async Task Verify_ShouldExitZero_ForABundleOfThisInstallation_AndRecordTheVerification()
    {
        var zip = await DownloadedBundleAsync();

        var result = await CliRunner.RunAsync(factory.DataDirectory, ["verify", zip]);

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        Assert.Contains("12 records in 2 files", result.StandardOutput, StringComparison.Ordinal);
        Assert.EndsWith("AUTHENTIC", result.StandardOutput.TrimEnd(), StringComparison.Ordinal);
        await using var db = await factory.DbFactory.CreateDbContextAsync(Ct);
        Assert.True(await db.Activities.AnyAsync(a => a.Action == SupportedActions.AuditLogBulkExportVerified
            && a.Snapshot!.Contains("\"authentic\":\"true\""), Ct));
    }

    [Fact]
    public async Task Verify_ShouldExitOne_AndNameTheFile_WhenARecordWasEdited()
    {
        var zip = await DownloadedBundleAsync();
        string edited;
        await using (var archive = await ZipArchive.CreateAsync(File.Open(zip, FileMode.Open), ZipArchiveMode.Update, false, null, Ct))
        {
            var entry = archive.Entries.First(e => e.Name.StartsWith("audit-logs-", StringComparison.Ordinal));
            edited = entry.FullName;
            string text;
            using (var reader = new StreamReader(await entry.OpenAsync(Ct)))
            {
                text = await reader.ReadToEndAsync(Ct);
            }
            entry.Delete();
            await using var writer = new StreamWriter(await archive.CreateEntry(edited).OpenAsync(Ct));
            await writer.WriteAsync(text.Replace("verify-cli-", "verify-cLi-", StringComparison.Ordinal));
        }

        var result = await CliRunner.RunAsync(factory.DataDirectory, ["verify", zip]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"FAILED: {edited} does not have the SHA-256 the manifest lists", result.StandardOutput, StringComparison.Ordinal);
        Assert.EndsWith("NOT AUTHENTIC", result.StandardOutput.TrimEnd(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("--certificate", "x.pem")]
    [InlineData("/no/such/bundle.zip")]
    public async Task Verify_ShouldExitTwo_OnBadUsage(params string[] args)
    {
        var result = await CliRunner.RunAsync(factory.DataDirectory, ["verify", .. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("usage: verify", result.StandardError, StringComparison.Ordinal);
    }
}
