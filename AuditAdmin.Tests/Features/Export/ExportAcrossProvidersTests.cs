using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Activities;

namespace AuditAdmin.Tests.Features.Export;

/// <summary>
/// The same activities exported from SQLite (either reader) and from PostgreSQL make byte-identical data files: the
/// same ids, text and createdAt spelling, whatever the database. Times have whole microseconds, the precision every
/// provider keeps.
/// </summary>
[Trait(TestDatabase.Trait, nameof(DatabaseProvider.PostgreSql))]
public sealed class ExportAcrossProvidersTests
{
    [Fact]
    public async Task TheSameRows_ShouldExportToTheSameBytes_OnEveryProviderAndReader()
    {
        var native = await ExportAsync(DatabaseProvider.Sqlite, nativeReader: true);
        var portable = await ExportAsync(DatabaseProvider.Sqlite, nativeReader: false);
        var postgreSql = await ExportAsync(DatabaseProvider.PostgreSql, nativeReader: false);

        Assert.Equal(3, native.Count);
        Assert.Equal(native, portable);
        Assert.Equal(native, postgreSql);
        Assert.Contains("\"createdAt\":\"2026-01-31T23:59:59.9999990Z\"", native[2], StringComparison.Ordinal);
    }

    private static IEnumerable<Activity> Rows()
    {
        foreach (var row in ActivitySeed.Rows(20))
        {
            yield return row;
        }
        yield return Row("名前 \"quoted\" back\\slash <tag> & 'x' + \u0001 \u2028", """{"username":"名前","nested":{"a":[1,2,{"b":null}]}}""",
            new DateTime(2026, 1, 31, 23, 59, 59, DateTimeKind.Utc).AddTicks(9_999_990));
        yield return Row(null, null, new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(10));
        yield return Row("not json", "{username: bob", new DateTime(2026, 2, 1, 12, 30, 15, DateTimeKind.Utc).AddTicks(1_234_560));
    }

    private static Activity Row(string? username, string? snapshot, DateTime createdAt) => new()
    {
        Action = SupportedActions.PageUpdate,
        Username = username,
        UserId = username is null ? null : "u-1",
        EventModel = username is null ? null : "Comment",
        Event = username is null ? null : "c-1",
        Snapshot = snapshot,
        CreatedAt = createdAt,
    };

    /// <summary>The data files' text, in order (their names hold the job id, so only the content is compared).</summary>
    private static async Task<List<string>> ExportAsync(DatabaseProvider provider, bool nativeReader)
    {
        await using var host = await ExportTestHost.CreateAsync(provider, ("Export:NativeSqliteReader", nativeReader ? "true" : "false"));
        var pipeline = new ExportPipeline(host, await host.CreateUserAsync("admin"));
        await ActivitySeed.InsertAsync(host.DbFactory, Rows());
        var jobId = await pipeline.RequestAsync();

        await pipeline.RunAsync(jobId);

        return [.. (await pipeline.ZipEntriesAsync(jobId)).Select(e => System.Text.Encoding.UTF8.GetString(e.Bytes))];
    }
}
