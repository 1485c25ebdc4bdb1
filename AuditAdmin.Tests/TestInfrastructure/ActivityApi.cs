using System.Net;
using System.Text;
using System.Text.Json;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Identity;

namespace AuditAdmin.Tests.TestInfrastructure;

/// <summary>Shared steps of the activity API tests: seed rows, call the API, read its JSON.</summary>
internal static class ActivityApi
{
    public static async Task AddAsync(this AuditAdminFactory factory, params Activity[] activities)
    {
        await using var db = await factory.DbFactory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        db.Activities.AddRange(activities);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public static Activity Row(string username, DateTime createdAtUtc, string action = SupportedActions.UserLoginWithLocal) => new()
    {
        Action = action,
        Username = username,
        CreatedAt = DateTime.SpecifyKind(createdAtUtc, DateTimeKind.Utc),
        Snapshot = $$"""{"username":"{{username}}"}""",
    };

    public static async Task<HttpClient> AdminClientAsync(this AuditAdminFactory factory, string name, string? timeZone = "UTC",
        string scope = Scopes.ReadAuditLog)
    {
        var admin = await factory.CreateUserAsync(name, admin: true, timeZone: timeZone);
        return factory.CreateTokenClient(await factory.CreateTokenAsync(admin, [scope]));
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>The envelope of a 200 list answer.</summary>
    public static async Task<JsonElement> PageAsync(this HttpClient client, string query)
    {
        using var response = await client.GetAsync("/_api/v3/activity" + query, TestContext.Current.CancellationToken);
        return (await response.JsonAsync(HttpStatusCode.OK)).GetProperty("serializedPaginationResult");
    }

    public static string[] Usernames(this JsonElement page) =>
        [.. page.GetProperty("docs").EnumerateArray().Select(d => d.GetProperty("username").GetString()!)];

    /// <summary>The single error of an error answer: its code and param.</summary>
    public static async Task<(string Code, string? Param)> ErrorAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var (code, param, _) = Assert.Single(await response.ErrorsAsync(expected));
        return (code, param);
    }

    /// <summary>Every error of an error answer, in order: code, param and message.</summary>
    public static async Task<(string Code, string? Param, string Message)[]> ErrorsAsync(this HttpResponseMessage response,
        HttpStatusCode expected) =>
        [.. (await response.JsonAsync(expected)).GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("code").GetString()!,
            e.TryGetProperty("param", out var p) ? p.GetString() : null, e.GetProperty("message").GetString()!))];

    public static string Filter(object filter) => "&searchFilter=" + Uri.EscapeDataString(JsonSerializer.Serialize(filter));
}
