using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AuditAdmin.Tests.Web.Endpoints.Hostile;

/// <summary>A real server (Kestrel enforces body limits), an admin token with every scope, and one completed export to download.</summary>
public sealed class HostileInputServer : IAsyncLifetime
{
    public LiveServer Server { get; private set; } = default!;
    public HttpClient Client { get; private set; } = default!;
    public IReadOnlyList<(string Method, string Pattern)> Endpoints { get; private set; } = [];
    public Guid JobId { get; private set; }
    public Guid AttachmentId { get; private set; }

    public async ValueTask InitializeAsync()
    {
        Server = new LiveServer(new Dictionary<string, string?> { ["AuditLog:ActionGroupSize"] = "LARGE" });
        var admin = await Server.CreateUserAsync("hostile-admin", admin: true);
        Client = new HttpClient { BaseAddress = new Uri(Server.BaseUrl), Timeout = TimeSpan.FromMinutes(2) };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Server.CreateTokenAsync(admin, [.. Scopes.All]));
        await Server.AddAsync(ActivityApi.Row("seeded", DateTime.UtcNow.AddHours(-1)), ActivityApi.Row("seeded", DateTime.UtcNow.AddHours(-2)));

        using var created = await Client.PostAsync(ExportApi.ApiPath,
            new StringContent("""{"filters":{"usernames":["seeded"]}}""", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        JobId = (await ExportApi.JsonAsync(created)).GetProperty("jobId").GetGuid();
        var job = await ExportCompletion.WaitAsync(Server.Services, admin.Id, JobId);
        AttachmentId = job.AttachmentId ?? throw new InvalidOperationException("The export has no attachment.");

        Endpoints = [.. Server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/_api", StringComparison.Ordinal) || raw.StartsWith("/download", StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, e.RoutePattern.RawText!)))
            .Distinct().OrderBy(e => e.Item2, StringComparer.Ordinal).ThenBy(e => e.m, StringComparer.Ordinal)];
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>
/// DESIGN 5: bad input never gets a 5xx, and every error under /_api and /download is the JSON envelope. Each case of
/// <see cref="HostileInputs"/> goes to every such endpoint the application maps (found in its routing table, so a new
/// endpoint is covered without touching this test).
/// </summary>
public sealed partial class HostileInputTests(HostileInputServer fixture) : IClassFixture<HostileInputServer>
{
    public static TheoryData<string> Cases() => [.. HostileInputs.All.Select(c => c.Name)];

    [Fact]
    public void Table_ShouldReachEveryApiEndpointAndTheDownload()
    {
        Assert.Contains(fixture.Endpoints, e => e.Pattern.StartsWith("/download/", StringComparison.Ordinal));
        Assert.True(fixture.Endpoints.Count(e => e.Pattern.StartsWith("/_api/", StringComparison.Ordinal)) >= 10,
            string.Join(", ", fixture.Endpoints));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task HostileInput_ShouldNeverBeAnswered5xx_AndEveryErrorShouldBeTheEnvelope(string caseName)
    {
        var hostile = HostileInputs.All.Single(c => c.Name == caseName);
        var observed = new List<string>();
        var problems = new List<string>();
        foreach (var (method, pattern) in fixture.Endpoints)
        {
            using var request = Build(hostile, method, pattern);
            using var response = await fixture.Client.SendAsync(request, TestContext.Current.CancellationToken);
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
            var code = EnvelopeCode(response, body);
            observed.Add($"{method} {pattern.TrimEnd('/')} → {status}{(code is null ? "" : " " + code)}");
            if (status >= 500)
            {
                problems.Add($"{method} {pattern}: {status} {Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 300)))}");
            }
            else if (status >= 400 && code is null && !(hostile.AnsweredByKestrel && body.Length == 0))
            {
                problems.Add($"{method} {pattern}: {status} without the envelope ({response.Content.Headers.ContentType})");
            }
        }
        foreach (var (endpoint, expected) in hostile.Expected ?? [])
        {
            var row = observed.SingleOrDefault(o => o.StartsWith(endpoint + " →", StringComparison.Ordinal));
            if (row is null || !row.Contains($"→ {expected}", StringComparison.Ordinal))
            {
                problems.Add($"{endpoint}: expected {expected}, got {row ?? "no such endpoint"}");
            }
        }
        await ReportAsync(caseName, observed);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private HttpRequestMessage Build(HostileCase hostile, string method, string pattern)
    {
        var path = RouteParameter().Replace(pattern, m => hostile.RouteValue ?? (m.Value.StartsWith("{jobId", StringComparison.Ordinal)
            ? fixture.JobId.ToString() : fixture.AttachmentId.ToString()));
        var request = new HttpRequestMessage(new HttpMethod(method), hostile.Query is null ? path : $"{path}?{hostile.Query}");
        if (hostile.Body is not null)
        {
            request.Content = new ByteArrayContent(hostile.Body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", hostile.ContentType);
            // As curl does for large bodies: the server can refuse one (413) before the client sends it.
            request.Headers.ExpectContinue = hostile.Body.Length > 1024 * 1024;
        }
        if (hostile.Header is { } header)
        {
            request.Headers.TryAddWithoutValidation(header.Name, header.Value);
        }
        return request;
    }

    /// <summary>The first error's code when the body is the envelope {"errors":[{"message","code"}]}; null otherwise.</summary>
    private static string? EnvelopeCode(HttpResponseMessage response, byte[] body)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/json" || body.Length == 0)
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("errors", out var errors)
                && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0
                && errors[0].TryGetProperty("code", out var code) && errors[0].TryGetProperty("message", out _))
            {
                return code.GetString();
            }
        }
        catch (JsonException)
        {
        }
        return null;
    }

    /// <summary>Set AUDITADMIN_HOSTILE_TABLE to a file to collect what every case got (the hardening note quotes it).</summary>
    private static async Task ReportAsync(string caseName, List<string> observed)
    {
        var text = $"## {caseName}{Environment.NewLine}{string.Join(Environment.NewLine, observed)}{Environment.NewLine}";
        TestContext.Current.TestOutputHelper?.WriteLine(text);
        if (Environment.GetEnvironmentVariable("AUDITADMIN_HOSTILE_TABLE") is { Length: > 0 } file)
        {
            await File.AppendAllTextAsync(file, text, TestContext.Current.CancellationToken);
        }
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
