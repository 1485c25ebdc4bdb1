using System.Net;
using AuditAdmin.Core.Features.Export;
using AuditAdmin.Tests.Features.Export;
using AuditAdmin.Tests.Web.Endpoints;
using Microsoft.Extensions.Options;
using static AuditAdmin.Tests.TestInfrastructure.ExportApi;

namespace AuditAdmin.Tests.Features.Export.Scheduling;

public sealed class ExportSchedulingTests
{
    [Fact]
    public async Task QueuedJobs_ShouldStartWhenASlotFrees_WithoutWaitingForTheSweep()
    {
        await using var factory = AuditAdminFactory.With(("Export:ParallelExecLimit", "1"), ("Export:SweepIntervalSeconds", "3600"),
            ("Export:MaxLogsPerFile", "50"));
        await ActivitySeed.InsertAsync(factory.DbFactory, ActivitySeed.Rows(400));
        var (owner, client) = await AdminClientAsync(factory);

        var jobIds = new List<Guid>();
        foreach (var name in new[] { "alice", "bob", "carol" })
        {
            using var response = await PostAsync(client, new { filters = new { usernames = new[] { name } } });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            jobIds.Add((await JsonAsync(response)).GetProperty("jobId").GetGuid());
        }

        foreach (var jobId in jobIds)
        {
            var job = await ExportCompletion.WaitAsync(factory.Services, owner.Id, jobId);
            Assert.Equal(ExportStatus.Completed, job.Status);
        }
    }

    [Theory]
    [InlineData("Export:MaxLogsPerFile", "0")]
    [InlineData("Export:ParallelExecLimit", "-1")]
    [InlineData("Export:JobExpirationSeconds", "0")]
    [InlineData("Storage:Provider", "S3")]
    public async Task Startup_ShouldFail_WhenTheExportSettingsAreInvalid(string key, string value)
    {
        await using var factory = AuditAdminFactory.With((key, value));

        var error = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(error);
        Assert.Contains(key.Split(':')[^1], error.ToString(), StringComparison.Ordinal);
        Assert.IsType<OptionsValidationException>(error is AggregateException a ? a.InnerException : error, exactMatch: false);
    }
}
