using System.Net;
using System.Text.Json;

namespace AuditAdmin.Tests.Web.Endpoints;

/// <summary>/openapi/v1.json describes what the export API really answers: its bodies and its error statuses.</summary>
public sealed class OpenApiDocumentTests(AuditAdminFactory factory) : IClassFixture<AuditAdminFactory>
{
    private const string ExportPath = "/_api/v3/audit-log-bulk-export";

    [Fact]
    public async Task ExportPost_ShouldDocument201WithTheJobId_AndTheEnvelopeFor400And409And405()
    {
        var document = await DocumentAsync();
        var responses = document.GetProperty("paths").GetProperty(ExportPath).GetProperty("post").GetProperty("responses");

        Assert.Contains("jobId", PropertyNames(document, JsonSchema(responses, "201")));
        foreach (var status in new[] { "400", "409", "405", "401", "403" })
        {
            Assert.Contains("errors", PropertyNames(document, JsonSchema(responses, status)));
        }
    }

    [Fact]
    public async Task ExportGet_ShouldDocument200WithTheJobFields_And404WithTheEnvelope()
    {
        var document = await DocumentAsync();
        var get = document.GetProperty("paths").GetProperty(ExportPath + "/{jobId}").GetProperty("get");
        var responses = get.GetProperty("responses");

        var job = PropertyNames(document, JsonSchema(responses, "200"));
        Assert.Superset(new HashSet<string> { "jobId", "status", "format", "filters", "totalExportedCount", "restartRequested",
            "createdAt", "updatedAt", "completedAt", "attachmentId", "downloadExpiresAt", "downloadUrl" }, job);
        Assert.Contains("errors", PropertyNames(document, JsonSchema(responses, "404")));
        Assert.Equal("GetAuditLogBulkExport", get.GetProperty("operationId").GetString());
    }

    [Fact]
    public async Task EveryOperation_ShouldHaveANameAndASummary()
    {
        var document = await DocumentAsync();

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Name: $"{op.Name} {path.Name}", Operation: op.Value)))
            .ToList();

        Assert.NotEmpty(operations);
        Assert.All(operations, o =>
        {
            Assert.True(o.Operation.TryGetProperty("operationId", out _), $"{o.Name} has no name");
            Assert.True(o.Operation.TryGetProperty("summary", out _), $"{o.Name} has no summary");
        });
    }

    private async Task<JsonElement> DocumentAsync()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return document.RootElement.Clone();
    }

    private static JsonElement JsonSchema(JsonElement responses, string status)
    {
        Assert.True(responses.TryGetProperty(status, out var response), $"status {status} is not documented");
        return response.GetProperty("content").GetProperty("application/json").GetProperty("schema");
    }

    /// <summary>The properties of a schema, following a $ref into components/schemas.</summary>
    private static HashSet<string> PropertyNames(JsonElement document, JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }
        return [.. schema.GetProperty("properties").EnumerateObject().Select(p => p.Name)];
    }
}
