using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Web.Infrastructure.SignIn;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Tests.Web.Infrastructure.SignIn;

public sealed class UnknownUsernameFailuresTests
{
    [Fact]
    public async Task RepeatedFailuresForOneUnknownName_ShouldBeRecordedOnce_ThenCountedWhenTheWindowCloses()
    {
        await using var factory = AuditAdminFactory.With(("SignIn:WindowSeconds", "3600"));
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        for (var i = 0; i < 5; i++)
        {
            (await client.PostSignInFormAsync(i % 2 == 0 ? "mallory" : "MALLORY", "guess")).Dispose();
        }
        var afterFlood = await FailuresAsync(factory);
        await factory.Services.GetRequiredService<UnknownUsernameFailures>().FlushAsync(all: true);
        var afterFlush = await FailuresAsync(factory);

        var first = Assert.Single(afterFlood);
        Assert.Null(first.Username);
        Assert.Null(first.UserId);
        Assert.Equal("mallory", ActivitySnapshot.ReadStrings(first.Snapshot)["attemptedUsername"]);
        Assert.Equal("1", ActivitySnapshot.ReadStrings(first.Snapshot)["failures"]);
        Assert.Equal(2, afterFlush.Count);
        var repeats = ActivitySnapshot.ReadStrings(afterFlush[1].Snapshot);
        Assert.Equal("4", repeats["failures"]);
        Assert.Null(afterFlush[1].Username);
        await using var db = await factory.DbFactory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.False(await db.RecordedUsernames.AnyAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AnInventedLongName_ShouldBeKeptShortened()
    {
        await using var factory = new AuditAdminFactory();
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var name = new string('x', 250) + "END";

        (await client.PostSignInFormAsync(name, "guess")).Dispose();

        var recorded = Assert.Single(await FailuresAsync(factory));
        Assert.Equal(new string('x', UnknownUsernameFailures.MaxRecordedNameLength), ActivitySnapshot.ReadStrings(recorded.Snapshot)["attemptedUsername"]);
    }

    [Fact]
    public async Task FailuresForARealAccount_ShouldEachBeRecordedUnderItsName()
    {
        await using var factory = new AuditAdminFactory();
        var grace = await factory.CreateUserAsync("grace");
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        (await client.PostSignInFormAsync("grace", "guess")).Dispose();
        (await client.PostSignInFormAsync("grace", "guess")).Dispose();

        var failures = await FailuresAsync(factory);
        Assert.Equal(2, failures.Count);
        Assert.All(failures, f => Assert.Equal((grace.Id, "grace"), (f.UserId, f.Username)));
    }

    private static async Task<List<Activity>> FailuresAsync(AuditAdminFactory factory)
    {
        await using var db = await factory.DbFactory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.Activities.Where(a => a.Action == SupportedActions.UserLoginFailure).OrderBy(a => a.Id)
            .ToListAsync(TestContext.Current.CancellationToken);
    }
}
