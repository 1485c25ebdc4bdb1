using System.Net;
using System.Text;
using AuditAdmin.Core.Identity;
using AuditAdmin.Tests.Web.Endpoints;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Tests.Web.Infrastructure;

/// <summary>What escapes an API handler still reaches the client as the envelope, never as the HTML error page.</summary>
public sealed class ApiExceptionHandlerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UnhandledError_ShouldAnswer500WithTheEnvelope_AndNoDetails()
    {
        await using var factory = new AuditAdminFactory();
        using var client = await factory.AdminClientAsync("admin", scope: Scopes.ReadAuditLog);
        await using (var db = await factory.DbFactory.CreateDbContextAsync(Ct))
        {
            await db.Database.ExecuteSqlRawAsync("DROP TABLE AuditLogBulkExportJobs", Ct);
        }

        using var response = await client.GetAsync("/_api/v3/audit-log-bulk-export", Ct);

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(("internal_server_error", null), await response.ErrorAsync(HttpStatusCode.InternalServerError));
        Assert.DoesNotContain("SQLite", await response.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task OversizedExportBody_ShouldAnswer413PayloadTooLarge_WithTheEnvelope()
    {
        // Only a real server enforces the request size limit (the in-memory test server has none).
        await using var server = new LiveServer();
        var admin = await server.CreateUserAsync("admin", admin: true);
        using var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", await server.CreateTokenAsync(admin, [Scopes.WriteAuditLog]));
        var body = $$"""{"filters":{},"padding":"{{new string('x', 1_100_000)}}"}""";

        using var response = await client.PostAsync("/_api/v3/audit-log-bulk-export", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(("payload_too_large", null), await response.ErrorAsync(HttpStatusCode.RequestEntityTooLarge));
    }
}
