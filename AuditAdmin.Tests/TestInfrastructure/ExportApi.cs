using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AuditAdmin.Core.Data;
using AuditAdmin.Core.Identity;

namespace AuditAdmin.Tests.TestInfrastructure;

/// <summary>The application with exports queued but never run (ParallelExecLimit 0), so jobs stay in progress.</summary>
public class QueuedExportsFactory : AuditAdminFactory
{
    public QueuedExportsFactory() : this(DatabaseProvider.Sqlite)
    {
    }

    protected QueuedExportsFactory(DatabaseProvider provider)
        : base(new Dictionary<string, string?> { ["Export:ParallelExecLimit"] = "0" }, provider)
    {
    }
}

public sealed class PostgreSqlQueuedExportsFactory() : QueuedExportsFactory(DatabaseProvider.PostgreSql);

/// <summary>Helpers for calling the export API as a fresh user.</summary>
public static class ExportApi
{
    public const string ApiPath = "/_api/v3/audit-log-bulk-export";

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<(AppUser User, HttpClient Client)> AdminClientAsync(AuditAdminFactory factory, string? timeZone = "UTC",
        string[]? scopes = null, bool admin = true)
    {
        var user = await factory.CreateUserAsync($"u{Guid.NewGuid():N}"[..12], admin: admin, timeZone: timeZone);
        var token = await factory.CreateTokenAsync(user, scopes ?? [Scopes.WriteAuditLog, Scopes.ReadAttachment]);
        return (user, factory.CreateTokenClient(token));
    }

    public static Task<HttpResponseMessage> PostRawAsync(HttpClient client, string json) =>
        client.PostAsync(ApiPath, new StringContent(json, Encoding.UTF8, "application/json"), Ct);

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, object body) => client.PostAsJsonAsync(ApiPath, body, Ct);

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

    /// <summary>The single error of a GROWI error envelope.</summary>
    public static async Task<JsonElement> ErrorAsync(HttpResponseMessage response) =>
        Assert.Single((await JsonAsync(response)).GetProperty("errors").EnumerateArray().ToList());
}
