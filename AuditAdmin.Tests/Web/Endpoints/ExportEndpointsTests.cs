using System.Net;
using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Export;
using AuditAdmin.Core.Identity;
using AuditAdmin.Web.Endpoints;
using Microsoft.EntityFrameworkCore;
using static AuditAdmin.Tests.TestInfrastructure.ExportApi;

namespace AuditAdmin.Tests.Web.Endpoints;

public sealed class ExportEndpointsTests(QueuedExportsFactory factory) : ExportEndpointsTests<QueuedExportsFactory>(factory);

[Trait(TestDatabase.Trait, nameof(DatabaseProvider.PostgreSql))]
public sealed class PostgreSqlExportEndpointsTests(PostgreSqlQueuedExportsFactory factory) : ExportEndpointsTests<PostgreSqlQueuedExportsFactory>(factory);

public abstract class ExportEndpointsTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : QueuedExportsFactory
{
    [Fact]
    public async Task Post_ShouldReturn201WithTheJobId()
    {
        var (user, client) = await AdminClientAsync(factory);

        using var response = await PostRawAsync(client, """{"filters":{"usernames":["bob"]}}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var jobId = (await JsonAsync(response)).GetProperty("jobId").GetGuid();
        Assert.Equal($"{ApiPath}/{jobId}", response.Headers.Location?.OriginalString);
        await using var db = await factory.DbFactory.CreateDbContextAsync(Ct);
        var job = await db.AuditLogBulkExportJobs.SingleAsync(j => j.Id == jobId, Ct);
        Assert.Equal(user.Id, job.UserId);
        Assert.Equal(ExportStatus.Exporting, job.Status);
    }

    [Fact]
    public async Task Post_ShouldAcceptEveryOptionalField_AndIgnoreUnknownProperties()
    {
        var (_, client) = await AdminClientAsync(factory);

        using var full = await PostRawAsync(client, """
            {"filters":{"usernames":["bob","carol"],"actions":["PAGE_CREATE","USER_LOGOUT"],
             "dateFrom":"2026-01-01T00:00:00.000Z","dateTo":"2026-01-31","extra":1},
             "format":"json","restartJob":false,"unknown":{"x":[1,2]}}
            """);
        using var minimal = await PostRawAsync(client, """{"filters":{}}""");
        using var nulls = await PostRawAsync(client, """{"filters":{"usernames":null,"actions":null,"dateFrom":null,"dateTo":null},"format":null,"restartJob":null}""");

        Assert.Equal(HttpStatusCode.Created, full.StatusCode);
        Assert.Equal(HttpStatusCode.Created, minimal.StatusCode);
        // Nulls mean "absent": the same export as the minimal one, which is still in progress.
        Assert.Equal(HttpStatusCode.Conflict, nulls.StatusCode);
    }

    [Fact]
    public async Task Post_ShouldReturn409WithCodeAndCreatedAt_WhenTheSameExportIsInProgress()
    {
        var (_, client) = await AdminClientAsync(factory);
        using var first = await PostRawAsync(client, """{"filters":{"actions":["PAGE_CREATE"]}}""");
        var jobId = (await JsonAsync(first)).GetProperty("jobId").GetGuid();

        using var second = await PostRawAsync(client, """{"filters":{"actions":["PAGE_CREATE","PAGE_CREATE"]},"format":"json"}""");

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var error = await ErrorAsync(second);
        Assert.Equal(ExportEndpoints.DuplicateCode, error.GetProperty("code").GetString());
        var duplicate = error.GetProperty("args").GetProperty("duplicateJob");
        await using var db = await factory.DbFactory.CreateDbContextAsync(Ct);
        var job = await db.AuditLogBulkExportJobs.SingleAsync(j => j.Id == jobId, Ct);
        Assert.Equal(job.CreatedAt, duplicate.GetProperty("createdAt").GetDateTime().ToUniversalTime());
        Assert.EndsWith("Z", duplicate.GetProperty("createdAt").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ShouldReturnTheSameJobAndFlagIt_WhenRestartJobIsTrue()
    {
        var (_, client) = await AdminClientAsync(factory);
        using var first = await PostRawAsync(client, """{"filters":{"usernames":["dave"]}}""");
        var jobId = (await JsonAsync(first)).GetProperty("jobId").GetGuid();

        using var restart = await PostRawAsync(client, """{"filters":{"usernames":["dave"]},"restartJob":true}""");

        Assert.Equal(HttpStatusCode.Created, restart.StatusCode);
        Assert.Equal(jobId, (await JsonAsync(restart)).GetProperty("jobId").GetGuid());
        await using var db = await factory.DbFactory.CreateDbContextAsync(Ct);
        Assert.True((await db.AuditLogBulkExportJobs.SingleAsync(j => j.Id == jobId, Ct)).RestartFlag);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("ndjson")]
    [InlineData("csv")]
    public async Task Post_ShouldCreateTheJobInTheRequestedFormat_AndShowItInTheStatus(string format)
    {
        var (_, client) = await AdminClientAsync(factory);

        using var response = await PostRawAsync(client, $$"""{"filters":{"usernames":["formats"]},"format":"{{format}}"}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var jobId = (await JsonAsync(response)).GetProperty("jobId").GetGuid();
        using var status = await client.GetAsync($"{ApiPath}/{jobId}", Ct);
        var job = await JsonAsync(status);
        Assert.Equal(format, job.GetProperty("format").GetString());
        // Progress: nothing exported yet of the records counted with the boundary (none match "formats").
        Assert.Equal((0, 0), (job.GetProperty("totalExportedCount").GetInt64(), job.GetProperty("estimatedTotal").GetInt64()));
        Assert.True(job.GetProperty("asOfActivityId").GetInt64() >= 0);
    }

    [Fact]
    public async Task Post_ShouldSeeADuplicateOnlyInTheSameFormat()
    {
        var (_, client) = await AdminClientAsync(factory);
        const string Filters = """{"usernames":["per-format"]}""";

        using var json = await PostRawAsync(client, $$"""{"filters":{{Filters}}}""");
        using var csv = await PostRawAsync(client, $$"""{"filters":{{Filters}},"format":"csv"}""");
        using var ndjson = await PostRawAsync(client, $$"""{"filters":{{Filters}},"format":"ndjson"}""");
        using var csvAgain = await PostRawAsync(client, $$"""{"filters":{{Filters}},"format":"csv"}""");
        using var jsonAgain = await PostRawAsync(client, $$"""{"filters":{{Filters}},"format":"json"}""");

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.Conflict],
            new[] { json, csv, ndjson, csvAgain, jsonAgain }.Select(r => r.StatusCode));
        var csvJob = (await JsonAsync(csv)).GetProperty("jobId").GetGuid();
        Assert.Equal(csvJob, (await ErrorAsync(csvAgain)).GetProperty("args").GetProperty("duplicateJob").GetProperty("jobId").GetGuid());
    }

    [Theory]
    [InlineData("""{}""", "filters")]
    [InlineData("""{"format":"json"}""", "filters")]
    [InlineData("""{"filters":"invalid"}""", "filters")]
    [InlineData("""{"filters":["bob"]}""", "filters")]
    [InlineData("""{"filters":{"usernames":"bob"}}""", "filters.usernames")]
    [InlineData("""{"filters":{"usernames":[123]}}""", "filters.usernames[0]")]
    [InlineData("""{"filters":{"usernames":["bob",{"a":1}]}}""", "filters.usernames[1]")]
    [InlineData("""{"filters":{"actions":["INVALID_ACTION"]}}""", "filters.actions[0]")]
    [InlineData("""{"filters":{"actions":["PAGE_CREATE","page_create"]}}""", "filters.actions[1]")]
    [InlineData("""{"filters":{"actions":"PAGE_CREATE"}}""", "filters.actions")]
    [InlineData("""{"filters":{"dateFrom":"invalid-date"}}""", "filters.dateFrom")]
    [InlineData("""{"filters":{"dateFrom":"2026-02-30"}}""", "filters.dateFrom")]
    [InlineData("""{"filters":{"dateTo":"31/01/2026"}}""", "filters.dateTo")]
    [InlineData("""{"filters":{"dateTo":1769817600000}}""", "filters.dateTo")]
    [InlineData("""{"filters":{"dateFrom":"2026-02-01","dateTo":"2026-01-31"}}""", "filters.dateFrom")]
    [InlineData("""{"filters":{},"format":"xml"}""", "format")]
    [InlineData("""{"filters":{},"format":"JSON"}""", "format")]
    [InlineData("""{"filters":{},"format":""}""", "format")]
    [InlineData("""{"filters":{},"format":true}""", "format")]
    [InlineData("""{"filters":{},"restartJob":"invalid"}""", "restartJob")]
    [InlineData("""{"filters":{},"restartJob":1}""", "restartJob")]
    [InlineData("""[]""", "body")]
    public async Task Post_ShouldReturn400ValidationFailedWithParam_WhenTheBodyIsInvalid(string body, string param)
    {
        var (user, client) = await AdminClientAsync(factory);

        using var response = await PostRawAsync(client, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await ErrorAsync(response);
        Assert.Equal("validation_failed", error.GetProperty("code").GetString());
        Assert.Equal(param, error.GetProperty("param").GetString());
        await using var db = await factory.DbFactory.CreateDbContextAsync(Ct);
        Assert.False(await db.AuditLogBulkExportJobs.AnyAsync(j => j.UserId == user.Id, Ct));
    }

    [Fact]
    public async Task Post_ShouldReportEveryProblemOfTheBody_EachWithItsParam()
    {
        var (user, client) = await AdminClientAsync(factory);

        using var response = await PostRawAsync(client, """{"filters":{"usernames":"bob","dateFrom":"invalid-date"},"format":"xml"}""");

        (string, string?, string)[] expected =
        [
            ("validation_failed", "filters.usernames", "usernames must be an array of strings"),
            ("validation_failed", "filters.dateFrom", "dateFrom must be an ISO-8601 date or date-time"),
            ("validation_failed", "format", "format must be one of \"json\", \"ndjson\", \"csv\""),
        ];
        Assert.Equal(expected, await response.ErrorsAsync(HttpStatusCode.BadRequest));
        await using var db = await factory.DbFactory.CreateDbContextAsync(Ct);
        Assert.False(await db.AuditLogBulkExportJobs.AnyAsync(j => j.UserId == user.Id, Ct));
    }

    [Theory]
    [InlineData("""{"filters":{"usernames":[1,"bob",""],"actions":["PAGE_CREATE","NOPE",2]}}""",
        "filters.usernames[0]", "filters.usernames[2]", "filters.actions[1]", "filters.actions[2]")]
    [InlineData("""{"format":"xml","restartJob":"yes"}""", "filters", "format", "restartJob")]
    [InlineData("""{"filters":"all","restartJob":1}""", "filters", "restartJob")]
    [InlineData("""{"filters":{"dateFrom":"2026-02-01","dateTo":"2026-01-31","actions":"PAGE_CREATE"}}""", "filters.actions", "filters.dateFrom")]
    [InlineData("""{"filters":{"dateFrom":"2026-02-30","dateTo":"31/01/2026"}}""", "filters.dateFrom", "filters.dateTo")]
    public async Task Post_ShouldReportEveryBadValue_NotOnlyTheFirst(string body, params string[] expected)
    {
        var (_, client) = await AdminClientAsync(factory);

        using var response = await PostRawAsync(client, body);

        var errors = await response.ErrorsAsync(HttpStatusCode.BadRequest);
        Assert.Equal(expected, errors.Select(e => e.Param));
        Assert.All(errors, e => Assert.Equal("validation_failed", e.Code));
    }

    [Theory]
    [InlineData("""{"filters":{""")]
    [InlineData("""not json""")]
    [InlineData("")]
    public async Task Post_ShouldReturn400_WhenTheJsonIsMalformed(string body)
    {
        var (_, client) = await AdminClientAsync(factory);

        using var response = await PostRawAsync(client, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("validation_failed", (await ErrorAsync(response)).GetProperty("code").GetString());
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ShouldReadDateOnlyValuesAsWholeDaysInTheCallersTimeZone()
    {
        var (user, client) = await AdminClientAsync(factory, timeZone: "Asia/Tokyo");

        using var response = await PostRawAsync(client, """{"filters":{"dateFrom":"2026-01-31","dateTo":"2026-01-31"}}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await using var db = await factory.DbFactory.CreateDbContextAsync(Ct);
        var job = await db.AuditLogBulkExportJobs.SingleAsync(j => j.UserId == user.Id, Ct);
        var filters = CanonicalExportFilters.Parse(job.Filters);
        Assert.Equal(new DateTime(2026, 1, 30, 15, 0, 0, DateTimeKind.Utc), filters.DateFrom);
        Assert.Equal(new DateTime(2026, 1, 31, 15, 0, 0, DateTimeKind.Utc).AddTicks(-1), filters.DateTo);
    }

    [Theory]
    [InlineData("2026-01-31T10:00:00Z", "2026-01-31T10:00:00.0000000Z")]
    [InlineData("2026-01-31T10:00:00.123+09:00", "2026-01-31T01:00:00.1230000Z")]
    [InlineData("2026-01-31T10:00", "2026-01-31T01:00:00.0000000Z")]
    public async Task Post_ShouldReadInstants_AndLocalTimesInTheCallersZone(string given, string stored)
    {
        var (user, client) = await AdminClientAsync(factory, timeZone: "Asia/Tokyo");

        using var response = await PostRawAsync(client, $$$"""{"filters":{"dateFrom":"{{{given}}}"}}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await using var db = await factory.DbFactory.CreateDbContextAsync(Ct);
        var job = await db.AuditLogBulkExportJobs.SingleAsync(j => j.UserId == user.Id, Ct);
        Assert.Equal($$"""{"dateFrom":"{{stored}}"}""", job.Filters);
    }

    [Fact]
    public async Task Post_ShouldReturn401_WithoutCredentials()
    {
        using var client = factory.CreateClient();

        using var response = await PostRawAsync(client, """{"filters":{}}""");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_ShouldReturn403_ForANonAdmin_AndForATokenWithoutTheWriteScope()
    {
        var (_, plainUser) = await AdminClientAsync(factory, admin: false);
        var (_, readOnly) = await AdminClientAsync(factory, scopes: [Scopes.ReadAuditLog]);

        using var a = await PostRawAsync(plainUser, """{"filters":{}}""");
        using var b = await PostRawAsync(readOnly, """{"filters":{}}""");

        Assert.Equal(HttpStatusCode.Forbidden, a.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, b.StatusCode);
    }

    [Fact]
    public async Task GetList_ShouldReturnTheCallersJobsNewestFirst_AndNobodyElses()
    {
        var (_, client) = await AdminClientAsync(factory);
        var (_, other) = await AdminClientAsync(factory);
        using var r1 = await PostRawAsync(client, """{"filters":{"usernames":["a"]}}""");
        using var r2 = await PostRawAsync(client, """{"filters":{"usernames":["b"]}}""");
        using var r3 = await PostRawAsync(other, """{"filters":{"usernames":["a"]}}""");
        var first = (await JsonAsync(r1)).GetProperty("jobId").GetGuid();
        var second = (await JsonAsync(r2)).GetProperty("jobId").GetGuid();

        using var response = await client.GetAsync(ApiPath, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var jobs = (await JsonAsync(response)).GetProperty("jobs").EnumerateArray().ToList();
        Assert.Equal([second, first], jobs.Select(j => j.GetProperty("jobId").GetGuid()));
        Assert.Equal("exporting", jobs[0].GetProperty("status").GetString());
        Assert.Equal("b", jobs[0].GetProperty("filters").GetProperty("usernames")[0].GetString());
        Assert.Equal(JsonValueKindNull, jobs[0].GetProperty("downloadUrl").ValueKind);
    }

    [Fact]
    public async Task GetOne_ShouldReturnTheCallersJob_And404ForAnyoneElse()
    {
        var (_, owner) = await AdminClientAsync(factory);
        var (_, otherAdmin) = await AdminClientAsync(factory);
        using var created = await PostRawAsync(owner, """{"filters":{"actions":["USER_LOGOUT"]}}""");
        var jobId = (await JsonAsync(created)).GetProperty("jobId").GetGuid();

        using var mine = await owner.GetAsync($"{ApiPath}/{jobId}", Ct);
        using var theirs = await otherAdmin.GetAsync($"{ApiPath}/{jobId}", Ct);
        using var unknown = await owner.GetAsync($"{ApiPath}/{Guid.CreateVersion7()}", Ct);

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        var job = await JsonAsync(mine);
        Assert.Equal(jobId, job.GetProperty("jobId").GetGuid());
        Assert.Equal(0, job.GetProperty("totalExportedCount").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal("not_found", (await ErrorAsync(theirs)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
