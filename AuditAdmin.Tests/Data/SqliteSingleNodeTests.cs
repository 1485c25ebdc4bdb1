using System.Net;

namespace AuditAdmin.Tests.Data;

/// <summary>SQLite is one node: a second app process on the same database file refuses to start; the first keeps serving.</summary>
[Collection(BrowserTestGroup.Name)] // two app processes on two cores: run alone, like the browser tests
public sealed class SqliteSingleNodeTests : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "auditadmin-tests", Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_dataDirectory, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task ASecondProcess_ShouldRefuseToStart_WhileTheFirstKeepsServing_AndStartOnceTheFirstIsGone()
    {
        await using var first = await AppProcess.StartAsync(_dataDirectory);
        // Nothing reads the database before it is migrated (Data Protection's key ring used to, on a first start).
        Assert.DoesNotContain("fail:", first.Output, StringComparison.Ordinal);

        await using (var second = AppProcess.Launch(_dataDirectory))
        {
            var exitCode = await second.WaitForExitAsync(TimeSpan.FromSeconds(90));

            Assert.Equal(1, exitCode);
            Assert.Contains("SQLite", second.Output, StringComparison.Ordinal);
            Assert.Contains("use PostgreSQL or SQL Server", second.Output, StringComparison.Ordinal);
            Assert.Contains(Path.Combine(_dataDirectory, "auditadmin.db"), second.Output, StringComparison.Ordinal);
        }
        using (var client = new HttpClient { BaseAddress = new Uri(first.BaseUrl) })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz", Ct)).StatusCode);
        }

        // A crash leaves no stale lock behind: the kernel drops it with the process.
        await first.KillAsync();
        await using var next = await AppProcess.StartAsync(_dataDirectory);
    }
}
