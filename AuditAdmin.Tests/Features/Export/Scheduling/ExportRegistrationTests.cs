using AuditAdmin.Core.Features.Export;
using AuditAdmin.Core.Features.Export.Cleanup;
using AuditAdmin.Core.Features.Export.Scheduling;
using AuditAdmin.Tests.Web.Endpoints;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using static AuditAdmin.Tests.TestInfrastructure.ExportApi;

namespace AuditAdmin.Tests.Features.Export.Scheduling;

/// <summary>Whatever way a job ends, nothing of it stays behind in Quartz or in the run registry.</summary>
public sealed class ExportRegistrationTests(RunningExportsFactory factory) : IClassFixture<RunningExportsFactory>
{
    [Theory]
    [InlineData("seeded", ExportStatus.Completed)]
    [InlineData("nobody", ExportStatus.Failed)]
    public async Task AnEndedJob_ShouldLeaveNoTriggerAndNoRun(string username, string status)
    {
        await using (var db = await factory.DbFactory.CreateDbContextAsync(Ct))
        {
            if (!await db.Activities.AnyAsync(a => a.Username == "seeded", Ct))
            {
                await ActivitySeed.InsertAsync(factory.DbFactory, ActivitySeed.Rows(20, usernames: ["seeded"]));
            }
        }
        var (owner, client) = await AdminClientAsync(factory);
        using var created = await PostRawAsync(client, $$$"""{"filters":{"usernames":["{{{username}}}"]}}""");
        var jobId = (await JsonAsync(created)).GetProperty("jobId").GetGuid();

        var job = await ExportCompletion.WaitAsync(factory.Services, owner.Id, jobId);
        Assert.Equal(status, job.Status);
        await WaitUntilNothingIsRegisteredAsync(jobId);

        // Cleaned up too (a failed job goes at once): still nothing registered, and no run starts for it.
        if (status == ExportStatus.Failed)
        {
            await factory.Services.GetRequiredService<ExportCleanup>().RunAsync(Ct);
            await using var db = await factory.DbFactory.CreateDbContextAsync(Ct);
            Assert.False(await db.AuditLogBulkExportJobs.AnyAsync(j => j.Id == jobId, Ct));
            await WaitUntilNothingIsRegisteredAsync(jobId);
        }
    }

    /// <summary>
    /// Quartz removes a fired one-off trigger just after the run returns, which is after the job's status changed:
    /// wait for that moment (bounded), then check the registry too.
    /// </summary>
    private async Task WaitUntilNothingIsRegisteredAsync(Guid jobId)
    {
        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(Ct);
        var registry = factory.Services.GetRequiredService<ExportRunRegistry>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var triggers = await scheduler.GetTriggersOfJob(ExportRunJob.Key, Ct);
            var forJob = triggers.Where(t => t.JobDataMap.GetString(ExportRunJob.JobIdKey) == jobId.ToString()).ToList();
            // Fire instances carry no job data: any running export run counts (this class runs one export at a time).
            var executing = (await scheduler.QueryFireInstances(new FireInstanceQuery(), Ct)).Items.Where(f => ExportRunJob.Key.Equals(f.JobKey)).ToList();
            if (forJob.Count == 0 && executing.Count == 0)
            {
                break;
            }
            Assert.True(DateTime.UtcNow < deadline, $"Job {jobId} still has {forJob.Count} trigger(s) and {executing.Count} run(s) in Quartz");
            await Task.Delay(50, Ct);
        }
        Assert.False(registry.IsRunning(jobId));
    }
}
