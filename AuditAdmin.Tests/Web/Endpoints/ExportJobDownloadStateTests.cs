using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AuditAdmin.Core.Features.Export;
using AuditAdmin.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Tests.Web.Endpoints;

/// <summary>The job API offers a download exactly when the zip can be downloaded: the same rule as the bell and the Exports page.</summary>
public sealed class ExportJobDownloadStateTests(AuditAdminFactory factory) : IClassFixture<AuditAdminFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(AppUser User, HttpClient Client)> AdminAsync()
    {
        var user = await factory.CreateUserAsync("admin-" + Guid.NewGuid().ToString("N")[..10], admin: true);
        return (user, factory.CreateTokenClient(await factory.CreateTokenAsync(user, [Scopes.ReadAuditLog])));
    }

    private static async Task<JsonElement> JobAsync(HttpClient client, Guid jobId)
    {
        using var response = await client.GetAsync($"/_api/v3/audit-log-bulk-export/{jobId}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    [Fact]
    public async Task GetJob_ShouldOfferTheDownload_WhileTheZipExistsWithinItsWindow()
    {
        var (admin, client) = await AdminAsync();
        var job = await NotificationSeed.AddJobAsync(factory.DbFactory, admin.Id, ExportStatus.Completed, DateTime.UtcNow, withAttachment: true);

        var body = await JobAsync(client, job.Id);

        Assert.Equal($"/download/{job.AttachmentId}", body.GetProperty("downloadUrl").GetString());
        Assert.Equal(JsonValueKind.String, body.GetProperty("downloadExpiresAt").ValueKind);
    }

    [Fact]
    public async Task GetJob_ShouldOfferNoDownload_WhenTheAttachmentIsGone()
    {
        var (admin, client) = await AdminAsync();
        var job = await NotificationSeed.AddJobAsync(factory.DbFactory, admin.Id, ExportStatus.Completed, DateTime.UtcNow, withAttachment: true);
        await using (var db = await factory.DbFactory.CreateDbContextAsync(Ct))
        {
            await db.Attachments.Where(a => a.Id == job.AttachmentId).ExecuteDeleteAsync(Ct);
        }

        var body = await JobAsync(client, job.Id);

        Assert.Equal(JsonValueKind.Null, body.GetProperty("downloadUrl").ValueKind);
        Assert.Equal(ExportStatus.Completed, body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task GetJob_ShouldOfferNoDownload_WhenTheWindowHasPassed()
    {
        var (admin, client) = await AdminAsync();
        var job = await NotificationSeed.AddJobAsync(factory.DbFactory, admin.Id, ExportStatus.Completed, DateTime.UtcNow.AddDays(-30),
            withAttachment: true);

        var body = await JobAsync(client, job.Id);

        Assert.Equal(JsonValueKind.Null, body.GetProperty("downloadUrl").ValueKind);
        Assert.True(body.GetProperty("downloadExpiresAt").GetDateTime() < DateTime.UtcNow);
    }
}
