using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AuditAdmin.Core.Features.Export;
using AuditAdmin.Core.Features.Export.Pipeline;
using AuditAdmin.Core.Identity;
using AuditAdmin.Tests.Features.Export;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Tests.Features.Export.Pipeline;

/// <summary>
/// An export whose process is killed with SIGKILL in the middle and started again resumes from its saved cursor and
/// ends with a zip holding exactly the database's matching records: none twice, none missing.
/// </summary>
[Collection(BrowserTestGroup.Name)] // a second app process on two cores: run alone, like the browser tests
public sealed class ExportCrashRecoveryTests : IAsyncLifetime
{
    private const int Rows = 50_000;
    private const int PerFile = 20;
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "auditadmin-tests", Guid.NewGuid().ToString("N"));
    private string _token = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        // The real migrations, an admin and a token, made by the app itself; then the database file is handed over.
        await using var factory = new AuditAdminFactory();
        var admin = await factory.CreateUserAsync("alice", admin: true);
        _token = await factory.CreateTokenAsync(admin, [Scopes.WriteAuditLog]);
        await ActivitySeed.InsertAsync(factory.DbFactory, ActivitySeed.Rows(Rows));
        await using (var db = await factory.DbFactory.CreateDbContextAsync(Ct))
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", Ct);
        }
        SqliteConnection.ClearAllPools();
        File.Copy(Path.Combine(factory.DataDirectory, "auditadmin.db"), DatabasePath);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
        return ValueTask.CompletedTask;
    }

    private string DatabasePath => Path.Combine(_dataDirectory, "auditadmin.db");

    [Fact]
    public async Task Export_ShouldHoldEveryMatchingRecordExactlyOnce_AfterAKillInTheMiddle()
    {
        string[] settings = [$"--Export:MaxLogsPerFile={PerFile}"];
        Guid jobId;
        await using (var app = await AppProcess.StartAsync(_dataDirectory, settings))
        {
            using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _token);
            // Up to the end of 2025: the seeded rows, not the activities the app records about the export itself.
            using var created = await client.PostAsJsonAsync("/_api/v3/audit-log-bulk-export", new { filters = new { dateTo = "2025-12-31" } }, Ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            jobId = (await created.Content.ReadFromJsonAsync<CreatedJob>(Ct))!.JobId;

            await WaitForJobAsync(jobId, j => j.LastExportedId > 0 || !ExportStatus.IsInProgress(j.Status), TimeSpan.FromSeconds(60));
            await app.KillAsync();
        }

        var atKill = await ReadJobAsync(jobId);
        TestContext.Current.TestOutputHelper?.WriteLine($"killed at {atKill.TotalExportedCount} of {Rows} records ({atKill.Status})");
        Assert.Equal(ExportStatus.Exporting, atKill.Status);
        Assert.InRange(atKill.TotalExportedCount, PerFile, Rows - PerFile);
        // Every saved file is full, and its number was saved with the cursor.
        Assert.Equal(atKill.TotalExportedCount, atKill.ExportedFileCount * (long)PerFile);

        await using (var app = await AppProcess.StartAsync(_dataDirectory, settings))
        {
            var finished = await WaitForJobAsync(jobId, j => !ExportStatus.IsInProgress(j.Status), TimeSpan.FromSeconds(120));
            Assert.True(finished.Status == ExportStatus.Completed, app.Output);
        }

        var expected = await MatchingIdsAsync();
        Assert.Equal(Rows, expected.Count);
        var job = await ReadJobAsync(jobId);
        var zip = await ExportZip.ReadAsync(Path.Combine(_dataDirectory, "storage", await AttachmentFileAsync(job.AttachmentId!.Value)));
        Assert.Equal(expected, zip.Ids);
        Assert.Equal(Rows, job.TotalExportedCount);
        Assert.Equal(Rows / PerFile, job.ExportedFileCount);
        Assert.Equal(Enumerable.Range(0, Rows / PerFile).Select(i => ExportWorkDirectory.FileName(jobId, i, "json")), zip.EntryNames);
    }

    private async Task<JobRow> WaitForJobAsync(Guid jobId, Func<JobRow, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var job = await ReadJobAsync(jobId);
            if (condition(job))
            {
                return job;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Job {jobId} stayed {job.Status} at {job.TotalExportedCount} records.");
            }
            await Task.Delay(5, Ct);
        }
    }

    private async Task<JobRow> ReadJobAsync(Guid jobId)
    {
        await using var connection = await OpenReadOnlyAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Status, LastExportedId, TotalExportedCount, ExportedFileCount, AttachmentId FROM AuditLogBulkExportJobs WHERE Id = $id";
        command.Parameters.AddWithValue("$id", jobId.ToString().ToUpperInvariant());
        await using var reader = await command.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct), $"Job {jobId} is missing.");
        return new JobRow(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt32(3),
            reader.IsDBNull(4) ? null : Guid.Parse(reader.GetString(4)));
    }

    private async Task<List<long>> MatchingIdsAsync()
    {
        await using var connection = await OpenReadOnlyAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id FROM Activities WHERE CreatedAt < '2026-01-01' ORDER BY Id";
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            ids.Add(reader.GetInt64(0));
        }
        return ids;
    }

    private async Task<string> AttachmentFileAsync(Guid attachmentId)
    {
        await using var connection = await OpenReadOnlyAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT FileName FROM Attachments WHERE Id = $id";
        command.Parameters.AddWithValue("$id", attachmentId.ToString().ToUpperInvariant());
        return (string)(await command.ExecuteScalarAsync(Ct))!;
    }

    private async Task<SqliteConnection> OpenReadOnlyAsync()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        await connection.OpenAsync(Ct);
        return connection;
    }

    private sealed record CreatedJob(Guid JobId);

    private sealed record JobRow(string Status, long LastExportedId, long TotalExportedCount, int ExportedFileCount, Guid? AttachmentId);
}
