using AuditAdmin.Core.Features.Activities;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace AuditAdmin.Tests.Features.Activities;

public sealed class ActivityJobsRegistrationTests
{
    [Fact]
    public async Task RetentionJob_ShouldRunAMinuteAfterStart_ThenEveryInterval()
    {
        var started = DateTimeOffset.UtcNow;
        await using var factory = AuditAdminFactory.With(("AuditLog:RetentionIntervalSeconds", "1800"));
        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(TestContext.Current.CancellationToken);

        var trigger = Assert.IsAssignableFrom<ISimpleTrigger>(await scheduler.GetTrigger(ActivityRetentionJob.Trigger, TestContext.Current.CancellationToken));

        Assert.Equal(ActivityRetentionJob.Key, trigger.JobKey);
        Assert.Equal(TimeSpan.FromSeconds(1800), trigger.RepeatInterval);
        Assert.Equal(-1, trigger.RepeatCount);
        Assert.InRange(trigger.StartTimeUtc, started.AddSeconds(55), DateTimeOffset.UtcNow.Add(ActivitiesFeature.RetentionStartDelay));
    }

    [Fact]
    public async Task RetentionJob_ShouldNotBeScheduled_WhenTheIntervalIsZero()
    {
        await using var factory = AuditAdminFactory.With(("AuditLog:RetentionIntervalSeconds", "0"));
        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(TestContext.Current.CancellationToken);

        Assert.False(await scheduler.Exists(ActivityRetentionJob.Key, TestContext.Current.CancellationToken));
    }
}
