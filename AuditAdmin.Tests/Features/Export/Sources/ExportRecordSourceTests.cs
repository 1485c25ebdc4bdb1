using System.Text.Json;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Export;
using AuditAdmin.Core.Features.Export.Formats;
using AuditAdmin.Core.Features.Export.Pipeline;
using AuditAdmin.Core.Features.Export.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuditAdmin.Tests.Features.Export.Sources;

/// <summary>
/// The SQLite fast path and the portable data-reader path write byte-identical files, whatever the rows hold; the
/// setting Export:NativeSqliteReader and the library probe decide between them.
/// </summary>
public sealed class ExportRecordSourceTests : IAsyncLifetime
{
    private ExportTestHost _host = default!;

    public async ValueTask InitializeAsync()
    {
        _host = await ExportTestHost.CreateAsync();
        await ActivitySeed.InsertAsync(_host.DbFactory, ActivitySeed.Rows(30));
        await ActivitySeed.InsertAsync(_host.DbFactory, [
            Row("名前 \"quoted\" back\\slash <tag> & 'x' + \u0001 \u2028", """{"username":"名前","nested":{"a":[1,2,{"b":null}]}}""", new DateTime(2026, 1, 31, 23, 59, 59, DateTimeKind.Utc).AddTicks(1)),
            Row(null, null, new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc)),
            Row("empty snapshot", "", new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(1_000_000)),
            Row("not json", "{username: bob", new DateTime(2026, 2, 1, 12, 30, 15, DateTimeKind.Utc).AddTicks(1_234_500)),
            Row("an array", "[1,2]", new DateTime(2026, 2, 2, 0, 0, 0, DateTimeKind.Utc)),
            Row("two objects", "{}{}", new DateTime(2026, 2, 2, 0, 0, 0, DateTimeKind.Utc)),
        ]);
        await _host.ExecuteAsync(async db =>
        {
            // Bytes that are not UTF-8, and a date written by another tool (ISO with T and Z).
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO Activities (Username, Action, Snapshot, CreatedAt)
                VALUES (CAST(X'41FF42' AS TEXT), 'PAGE_CREATE', CAST(X'7B2261223A2241FF227D' AS TEXT), '2026-03-01T10:00:00Z')
                """);
        });
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

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

    [Theory]
    [InlineData(0, "json")]
    [InlineData(17, "json")]
    [InlineData(0, "ndjson")]
    [InlineData(17, "ndjson")]
    [InlineData(0, "csv")]
    [InlineData(17, "csv")]
    public async Task NativeSqliteReaderSetting_ShouldChooseTheSource_AndBothShouldWriteTheSameBytes(long afterId, string format)
    {
        var filters = new ExportFilters { DateFrom = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc) };
        var requester = ExportRequesters.From("ja", "Asia/Tokyo");

        var native = await WriteAsync(_host.Get<ExportRecordSources>(), filters, afterId, format, requester);
        SetNativeSqliteReader(false);
        var portable = await WriteAsync(_host.Get<ExportRecordSources>(), filters, afterId, format, requester);

        Assert.Equal(nameof(SqliteRecordSource), native.Source);
        Assert.Equal(nameof(DataReaderRecordSource), portable.Source);
        Assert.Equal(Convert.ToHexString(portable.Bytes), Convert.ToHexString(native.Bytes));
        Assert.Equal(await _host.QueryAsync(db => db.Activities.Where(a => a.Id > afterId).OrderBy(a => a.Id).Select(a => a.Id)),
            ExportFiles.Ids(format, native.Bytes));
    }

    [Fact]
    public async Task ActivityRows_ShouldWriteWhatTheSourcesWrite_SoTheEstimateMeasuresTheRealBytes()
    {
        // The row stored with bytes that are not UTF-8 is left out: as an entity its string has replaced them already.
        await _host.ExecuteAsync(db => db.Activities.Where(a => a.Id == db.Activities.Max(x => x.Id)).ExecuteDeleteAsync());
        var requester = ExportRequesters.From("fr", "Europe/Paris");
        var activities = await _host.QueryAsync(db => db.Activities.OrderBy(a => a.Id));

        foreach (var format in ExportFormatNames.All)
        {
            var fromSource = await WriteAsync(_host.Get<ExportRecordSources>(), new ExportFilters(), 0, format, requester);
            using var memory = new MemoryStream();
            await using (var writer = _host.Get<ExportFormats>().For(format).Start(memory, requester))
            {
                var row = new ActivityExportRow();
                foreach (var activity in activities)
                {
                    row.Activity = activity;
                    writer.Write(row);
                }
                writer.Finish();
            }
            Assert.Equal(System.Text.Encoding.UTF8.GetString(fromSource.Bytes), System.Text.Encoding.UTF8.GetString(memory.ToArray()));
        }
    }

    [Fact]
    public async Task Records_ShouldKeepEveryValue_AndAlwaysHoldASnapshotObject()
    {
        var sources = _host.Get<ExportRecordSources>();
        var native = await WriteAsync(sources, new ExportFilters { Usernames = ["名前 \"quoted\" back\\slash <tag> & 'x' + \u0001 \u2028"] }, 0);
        var all = await WriteAsync(sources, new ExportFilters { DateFrom = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) }, 0);

        Assert.Equal([nameof(SqliteRecordSource), nameof(SqliteRecordSource)], new[] { native.Source, all.Source });
        var text = System.Text.Encoding.UTF8.GetString(native.Bytes);
        Assert.Contains("名前 \\\"quoted\\\" back\\\\slash <tag> & 'x' + \\u0001", text, StringComparison.Ordinal);
        var records = JsonDocument.Parse(all.Bytes).RootElement.EnumerateArray().ToList();
        Assert.Equal("名前", records[0].GetProperty("snapshot").GetProperty("username").GetString());
        Assert.Equal("2026-01-31T23:59:59.0000001Z", records[0].GetProperty("createdAt").GetString());
        Assert.Equal(JsonValueKind.Null, records[1].GetProperty("username").ValueKind);
        Assert.Equal(JsonValueKind.Object, records[1].GetProperty("snapshot").ValueKind);
        Assert.Equal("2026-02-01T00:00:00.0000000Z", records[1].GetProperty("createdAt").GetString());
        Assert.Empty(records[2].GetProperty("snapshot").EnumerateObject());
        Assert.Equal("{username: bob", records[3].GetProperty("snapshot").GetProperty("raw").GetString());
        Assert.Equal("2026-02-01T12:30:15.1234500Z", records[3].GetProperty("createdAt").GetString());
        Assert.Equal("[1,2]", records[4].GetProperty("snapshot").GetProperty("raw").GetString());
        Assert.Equal("{}{}", records[5].GetProperty("snapshot").GetProperty("raw").GetString());
        Assert.Equal("A\uFFFDB", records[6].GetProperty("username").GetString());
        Assert.Equal("A\uFFFD", records[6].GetProperty("snapshot").GetProperty("a").GetString());
        Assert.Equal("2026-03-01T10:00:00.0000000Z", records[6].GetProperty("createdAt").GetString());
    }

    [Fact]
    public void NativeSqliteProbe_ShouldAcceptTheLibraryTheSqliteBundleLoaded()
    {
        var logger = new ListLogger<NativeSqliteProbe>();

        Assert.True(new NativeSqliteProbe(logger).IsUsable);
        Assert.DoesNotContain(logger.Entries, e => e.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task OpenAsync_ShouldUseThePortableSourceAndLogWhyOnce_WhenTheLoadedLibraryIsNotTheExpectedOne()
    {
        var logger = new ListLogger<NativeSqliteProbe>();
        var sources = new ExportRecordSources(_host.Get<IOptionsMonitor<ExportOptions>>(), new NativeSqliteProbe(logger, () => "e_sqlcipher"));
        var filters = new ExportFilters();

        var first = await WriteAsync(sources, filters, 0);
        var second = await WriteAsync(sources, filters, 0);
        var native = await WriteAsync(_host.Get<ExportRecordSources>(), filters, 0);

        Assert.Equal([nameof(DataReaderRecordSource), nameof(DataReaderRecordSource)], new[] { first.Source, second.Source });
        Assert.Equal(Convert.ToHexString(native.Bytes), Convert.ToHexString(first.Bytes));
        var warning = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("'e_sqlcipher'", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NativeSqliteProbe_ShouldRefuseAndSayWhy_WhenSqlitePclRawHasNoProviderToAsk()
    {
        var logger = new ListLogger<NativeSqliteProbe>();

        var probe = new NativeSqliteProbe(logger, () => throw new InvalidOperationException("no provider set"));

        Assert.False(probe.IsUsable);
        Assert.False(probe.IsUsable);
        Assert.Contains("no provider set", Assert.Single(logger.Entries).Message, StringComparison.Ordinal);
    }

    private void SetNativeSqliteReader(bool on)
    {
        var configuration = (IConfigurationRoot)_host.Get<IConfiguration>();
        configuration["Export:NativeSqliteReader"] = on ? "true" : "false";
        configuration.Reload();
    }

    private async Task<(string Source, byte[] Bytes)> WriteAsync(ExportRecordSources sources, ExportFilters filters, long afterId,
        string format = "json", ExportRequester? requester = null)
    {
        var directory = Path.Combine(_host.DataDirectory, Guid.NewGuid().ToString("N"));
        await using var db = await _host.DbFactory.CreateDbContextAsync();
        await using var source = await sources.OpenAsync(db, filters, afterId, long.MaxValue, CancellationToken.None);
        await using var file = ExportFileWriter.Create(directory, Guid.Empty, 0, _host.Get<ExportFormats>().For(format),
            requester ?? ExportRequester.Default);
        while (await source.ReadAsync(CancellationToken.None))
        {
            file.Write(source);
        }
        file.Finish();
        await file.CommitAsync();
        return (source.GetType().Name, await File.ReadAllBytesAsync(file.Path));
    }
}
