using System.Text;
using System.Text.Json;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Export;
using AuditAdmin.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Tests.Features.Export.Formats;

/// <summary>
/// The NDJSON and CSV formats through the real pipeline (request, export, zip) on a real SQLite database: the same
/// records as JSON, each in its own shape; the CSV read back with CsvHelper's reader.
/// </summary>
public sealed class ExportFormatTests : IAsyncLifetime
{
    private const string Formula = "=HYPERLINK(\"http://x\",\"y\")";

    private static readonly string[] EnglishHeaders =
    [
        "ID", "User ID", "Username", "IP address", "Endpoint", "Target type", "Target", "Event type", "Event", "Action",
        "Action (stored value)", "Snapshot (JSON)", "Time (UTC)", "Local time (UTC)", "Source", "Ingested by",
    ];

    private static readonly Dictionary<string, string> EnglishLabels = new()
    {
        [SupportedActions.PageCreate] = "Page created",
        [SupportedActions.PageUpdate] = "Page updated",
        [SupportedActions.PageDelete] = "Page deleted",
        [SupportedActions.UserLoginWithLocal] = "Signed in with a local account",
    };

    private ExportTestHost _host = default!;
    private ExportPipeline _pipeline = default!;

    public async ValueTask InitializeAsync()
    {
        _host = await ExportTestHost.CreateAsync();
        _pipeline = new ExportPipeline(_host, await _host.CreateUserAsync("admin"));
        await ActivitySeed.InsertAsync(_host.DbFactory, ActivitySeed.Rows(23));
        await ActivitySeed.InsertAsync(_host.DbFactory, [
            new Activity
            {
                Action = SupportedActions.PageUpdate,
                Username = Formula,
                Endpoint = "/a,b\r\nc \"d\"",
                Snapshot = """{"username":"=1+2","note":"a, \"b\""}""",
                CreatedAt = ActivitySeed.Start.AddHours(1).AddTicks(1234567),
            },
            new Activity
            {
                Action = SupportedActions.PageCreate,
                Username = "siem",
                Snapshot = "not json",
                CreatedAt = ActivitySeed.Start.AddDays(1),
                Source = ActivitySources.Ingested,
                IngestedBy = "collector",
                IngestedAt = ActivitySeed.Start.AddDays(2),
            },
        ]);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<ExportZip> ExportAsync(string format, ExportFilters? filters = null)
    {
        // By default every seeded row, and none of the activities that the exports themselves record.
        filters ??= new ExportFilters { DateTo = ActivitySeed.Start.AddYears(1) };
        var result = await _host.Get<ExportService>().RequestAsync(_pipeline.Owner.Id, filters, format, false, null, CancellationToken.None);
        var jobId = Assert.IsType<ExportRequestResult.Accepted>(result).JobId;
        await _pipeline.RunAsync(jobId);
        var job = await _host.JobAsync(jobId);
        Assert.Equal(ExportStatus.Completed, job.Status);
        Assert.Equal(format, job.Format);
        return await _pipeline.ZipAsync(jobId);
    }

    private async Task SetRequesterAsync(string language, string timeZone) =>
        await _host.ExecuteAsync(db => db.Users.Where(u => u.Id == _pipeline.Owner.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, language).SetProperty(u => u.TimeZone, timeZone)));

    public static TheoryData<string, bool> FormatsAndFilters => new()
    {
        { "ndjson", false }, { "ndjson", true }, { "csv", false }, { "csv", true },
    };

    [Theory]
    [MemberData(nameof(FormatsAndFilters))]
    public async Task Export_ShouldHoldTheSameRecordsAsJson_InFilesNamedForTheFormat(string format, bool filtered)
    {
        var filters = filtered
            ? new ExportFilters { Usernames = ["alice", "bob", Formula], DateFrom = ActivitySeed.Start.AddMinutes(3) }
            : null;

        var json = await ExportAsync("json", filters);
        var other = await ExportAsync(format, filters);

        Assert.NotEmpty(json.Ids);
        Assert.Equal(json.Ids, other.Ids);
        // The same files, MaxLogsPerFile (10) records each, numbered alike, with the format's extension.
        Assert.Equal(json.EntryNames.Select(n => Path.ChangeExtension(FileNumber(n), format)), other.EntryNames.Select(FileNumber));
    }

    [Fact]
    public async Task Ndjson_ShouldWriteJsonsRecordsByteForByte_OneALine()
    {
        var json = await ExportAsync("json");
        var ndjson = await ExportAsync("ndjson");

        Assert.Equal(json.Records.Select(r => r.GetRawText()), ndjson.Records.Select(r => r.GetRawText()));
        Assert.All(ndjson.Records, r => Assert.Equal(JsonValueKind.Object, r.ValueKind));
    }

    [Fact]
    public async Task Csv_ShouldReadBackAsTheJsonValues_WithEnglishHeadersAndUtcTimes_ForAnEnglishUserInUtc()
    {
        await SetRequesterAsync("en", "UTC");
        var json = (await ExportAsync("json")).Records.ToList();

        var csv = await ExportAsync("csv");

        var rows = csv.CsvFiles.SelectMany(f => f.Rows).ToList();
        Assert.All(csv.CsvFiles, f => Assert.Equal(EnglishHeaders, f.Headers));
        Assert.Equal(json.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var (record, row) = (json[i], rows[i]);
            Assert.Equal(record.GetProperty("_id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), row[0]);
            string[] text = ["user", "username", "ip", "endpoint", "targetModel", "target", "eventModel", "event"];
            for (var t = 0; t < text.Length; t++)
            {
                var value = record.GetProperty(text[t]).GetString() ?? "";
                Assert.Equal(value.StartsWith('=') ? "'" + value : value, row[1 + t]);
            }
            var action = record.GetProperty("action").GetString()!;
            Assert.Equal(action, row[10]);
            Assert.Equal(EnglishLabels[action], row[9]);
            Assert.Equal(record.GetProperty("snapshot").GetRawText(), row[11]);
            var createdAt = record.GetProperty("createdAt").GetString()!;
            Assert.Equal(createdAt, row[12]);
            Assert.Equal(createdAt[..^1] + "+00:00", row[13]);
            Assert.Equal(record.GetProperty("source").GetString(), row[14]);
            Assert.Equal(record.TryGetProperty("ingestedBy", out var by) ? by.GetString() : "", row[15]);
        }
    }

    [Fact]
    public async Task Csv_ShouldEscapeAValueThatAStartsLikeAFormula_WhileJsonKeepsItAsItIs()
    {
        var json = await ExportAsync("json");
        var csv = await ExportAsync("csv");

        Assert.Contains(json.Records, r => r.GetProperty("username").GetString() == Formula);
        var row = Assert.Single(csv.CsvFiles.SelectMany(f => f.Rows), r => r[2].Contains("HYPERLINK", StringComparison.Ordinal));
        Assert.Equal("'" + Formula, row[2]);
        Assert.DoesNotContain(csv.CsvFiles.SelectMany(f => f.Rows).SelectMany(r => r), field => field.StartsWith('='));
        var raw = await RawCsvAsync();
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", raw, StringComparison.Ordinal);
        // A value with the separator, quotes and a line break is quoted (RFC 4180) and reads back whole.
        Assert.Contains(csv.CsvFiles.SelectMany(f => f.Rows), r => r[4] == "/a,b\r\nc \"d\"");
    }

    [Fact]
    public async Task Csv_ShouldHaveJapaneseHeadersLabelsAndTokyoTimes_ForAJapaneseUser()
    {
        await SetRequesterAsync("ja", "Asia/Tokyo");
        var json = (await ExportAsync("json")).Records.ToList();

        var csv = await ExportAsync("csv");

        var file = csv.CsvFiles[0];
        Assert.Equal(["ID", "ユーザー ID", "ユーザー名", "IP アドレス", "エンドポイント", "対象の種類", "対象", "イベントの種類", "イベント", "操作",
            "操作（保存値）", "スナップショット（JSON）", "日時（UTC）", "現地日時（Asia/Tokyo）", "記録元", "取り込み元ユーザー"], file.Headers);
        var first = file.Rows[0];
        Assert.Equal(SupportedActions.PageCreate, first[10]);
        Assert.Equal("ページ作成", first[9]);
        // 1 March 2025 00:00 UTC is 09:00 the same day in Tokyo (UTC+9, no daylight saving time).
        Assert.Equal("2025-03-01T00:00:00.0000000Z", first[12]);
        Assert.Equal("2025-03-01T09:00:00.0000000+09:00", first[13]);
        var rows = csv.CsvFiles.SelectMany(f => f.Rows).ToList();
        Assert.All(rows.Zip(json), pair =>
        {
            var utc = DateTime.Parse(pair.Second.GetProperty("createdAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AdjustToUniversal);
            Assert.Equal(new DateTimeOffset(utc).ToOffset(TimeSpan.FromHours(9)), DateTimeOffset.Parse(pair.First[13], System.Globalization.CultureInfo.InvariantCulture));
            Assert.EndsWith("+09:00", pair.First[13], StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Csv_ShouldShowLocalTimesWithTheOffsetOfTheirDate_AcrossADaylightSavingChange()
    {
        await SetRequesterAsync("fr", "Europe/Paris");
        // Paris moves from UTC+1 to UTC+2 at 01:00 UTC on 30 March 2025.
        var change = new DateTime(2025, 3, 30, 1, 0, 0, DateTimeKind.Utc);
        await ActivitySeed.InsertAsync(_host.DbFactory, ActivitySeed.Rows(4, start: change.AddMinutes(-2)));

        var csv = await ExportAsync("csv", new ExportFilters { DateFrom = change.AddMinutes(-2) });

        var rows = csv.CsvFiles.SelectMany(f => f.Rows).ToList();
        Assert.Equal("Heure locale (Europe/Paris)", csv.CsvFiles[0].Headers[13]);
        Assert.Equal(["2025-03-30T01:58:00.0000000+01:00", "2025-03-30T01:59:00.0000000+01:00", "2025-03-30T03:00:00.0000000+02:00",
            "2025-03-30T03:01:00.0000000+02:00"], rows.Select(r => r[13]));
    }

    [Fact]
    public async Task Csv_ShouldBeUtf8WithAByteOrderMark_AndEndEachRecordWithCrlf()
    {
        await ExportAsync("csv");

        var bytes = await FirstCsvBytesAsync();

        Assert.True(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble));
        var text = Encoding.UTF8.GetString(bytes.AsSpan(Encoding.UTF8.Preamble.Length));
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.Equal(11, text.Split("\r\n").Length - 1);
    }

    [Fact]
    public async Task Records_ShouldSaySource_AndIngestedByOnlyForIngestedRows_InEveryFormat()
    {
        var json = await ExportAsync("json");
        var ndjson = await ExportAsync("ndjson");
        var csv = await ExportAsync("csv");

        foreach (var records in new[] { json.Records.ToList(), ndjson.Records.ToList() })
        {
            var ingested = Assert.Single(records, r => r.GetProperty("source").GetString() == "ingested");
            Assert.Equal("collector", ingested.GetProperty("ingestedBy").GetString());
            Assert.Equal("ingestedBy", ingested.EnumerateObject().Last().Name);
            Assert.All(records.Where(r => r.GetProperty("source").GetString() != "ingested"), r =>
            {
                Assert.Equal("app", r.GetProperty("source").GetString());
                Assert.False(r.TryGetProperty("ingestedBy", out _));
            });
        }
        var rows = csv.CsvFiles.SelectMany(f => f.Rows).ToList();
        var row = Assert.Single(rows, r => r[14] == "ingested");
        Assert.Equal("collector", row[15]);
        Assert.Equal("""{"raw":"not json"}""", row[11]);
        Assert.All(rows.Where(r => r[14] != "ingested"), r => Assert.Equal(("app", ""), (r[14], r[15])));
    }

    [Fact]
    public async Task Request_ShouldTreatEachFormatAsItsOwnExport_WhenLookingForADuplicate()
    {
        var exports = _host.Get<ExportService>();
        var filters = new ExportFilters { Usernames = ["alice"] };

        var results = new List<ExportRequestResult>();
        foreach (var format in new[] { "json", "ndjson", "csv", "csv" })
        {
            results.Add(await exports.RequestAsync(_pipeline.Owner.Id, filters, format, false, null, CancellationToken.None));
        }

        Assert.All(results.Take(3), r => Assert.IsType<ExportRequestResult.Accepted>(r));
        var duplicate = Assert.IsType<ExportRequestResult.Duplicate>(results[3]);
        Assert.Equal(((ExportRequestResult.Accepted)results[2]).JobId, duplicate.JobId);
        var jobs = await _host.QueryAsync(db => db.AuditLogBulkExportJobs.OrderBy(j => j.CreatedAt).Select(j => j.Format));
        Assert.Equal(["json", "ndjson", "csv"], jobs);
        var recorded = await _host.ActivitiesWithActionAsync(ExportService.RequestAction);
        Assert.Equal(["json", "ndjson", "csv"], recorded.Select(a => JsonDocument.Parse(a.Snapshot!).RootElement.GetProperty("format").GetString()));
    }

    [Theory]
    [InlineData("json")]
    [InlineData("ndjson")]
    [InlineData("csv")]
    public async Task FileRecords_ShouldCountEachFileAndNameItsFirstAndLastId_AsTheBundleVerifierReadsThem(string format)
    {
        var zip = await ExportAsync(format);
        var job = (await _host.QueryAsync(db => db.AuditLogBulkExportJobs.Where(j => j.Format == format))).Single();
        var attachment = (await _host.QueryAsync(db => db.Attachments.Where(a => a.Id == job.AttachmentId))).Single();
        var stream = await _host.Get<AuditAdmin.Core.Features.Storage.IFileStorage>().OpenReadAsync(attachment.FileName, CancellationToken.None);
        await using var archive = await System.IO.Compression.ZipArchive.CreateAsync(stream!, System.IO.Compression.ZipArchiveMode.Read, false, null, TestContext.Current.CancellationToken);

        var counted = new List<(long, long?, long?)>();
        // The data files; the bundle files (manifest, signature, guide) follow them.
        foreach (var entry in archive.Entries.Where(e => e.FullName.StartsWith("audit-logs-", StringComparison.Ordinal)))
        {
            await using var content = await entry.OpenAsync(TestContext.Current.CancellationToken);
            counted.Add(await AuditAdmin.Core.Features.Export.Formats.ExportFileRecords.CountAsync(content, format, TestContext.Current.CancellationToken));
        }

        var ids = zip.Ids;
        Assert.Equal([(10L, (long?)ids[0], (long?)ids[9]), (10L, ids[10], ids[19]), (5L, ids[20], ids[24])], counted);
        using var notThisFormat = new MemoryStream(format == "csv" ? "ID\r\nnot an id\r\n"u8.ToArray() : "{\"not\":\"records\"}"u8.ToArray());
        Assert.Equal((-1L, (long?)null, (long?)null),
            await AuditAdmin.Core.Features.Export.Formats.ExportFileRecords.CountAsync(notThisFormat, format, CancellationToken.None));
    }

    [Fact]
    public async Task Request_ShouldRefuseAnUnknownFormat()
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            _host.Get<ExportService>().RequestAsync(_pipeline.Owner.Id, new ExportFilters(), "xml", false, null, CancellationToken.None));

        Assert.Empty(await _host.QueryAsync(db => db.AuditLogBulkExportJobs));
    }

    private static string FileNumber(string entryName) => System.Text.RegularExpressions.Regex.Replace(entryName, "^audit-logs-[0-9a-f-]{36}-", "");

    /// <summary>The bytes of each CSV file of the (single) CSV export, in zip order.</summary>
    private async Task<List<byte[]>> CsvBytesAsync()
    {
        var job = (await _host.QueryAsync(db => db.AuditLogBulkExportJobs.Where(j => j.Format == "csv"))).Single();
        var attachment = (await _host.QueryAsync(db => db.Attachments.Where(a => a.Id == job.AttachmentId))).Single();
        var stream = await _host.Get<AuditAdmin.Core.Features.Storage.IFileStorage>().OpenReadAsync(attachment.FileName, CancellationToken.None);
        await using var zip = await System.IO.Compression.ZipArchive.CreateAsync(stream!, System.IO.Compression.ZipArchiveMode.Read, false, null);
        var files = new List<byte[]>();
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".csv", StringComparison.Ordinal)))
        {
            await using var content = await entry.OpenAsync();
            using var bytes = new MemoryStream();
            await content.CopyToAsync(bytes);
            files.Add(bytes.ToArray());
        }
        return files;
    }

    private async Task<byte[]> FirstCsvBytesAsync() => (await CsvBytesAsync())[0];

    private async Task<string> RawCsvAsync() => string.Concat((await CsvBytesAsync()).Select(b => Encoding.UTF8.GetString(b)));
}
