using System.Net;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Tests.Web.Endpoints;

public sealed class CultureEndpointsRecordingTests
{
    [Fact]
    public async Task SwitchingLanguage_ShouldRecordPersonalSettingsUpdate_WhenTheActionIsAvailable()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = AuditAdminFactory.With(("AuditLog:ActionGroupSize", "MEDIUM"));
        var alice = await factory.CreateUserAsync("alice");
        using var client = await factory.CreateSignedInClientAsync("alice");

        using var response = await client.GetAsync("/culture/set?culture=fr&returnUrl=/", ct);
        using var unchanged = await client.GetAsync("/culture/set?culture=fr&returnUrl=/", ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, unchanged.StatusCode);
        await using var db = await factory.DbFactory.CreateDbContextAsync(ct);
        var recorded = await db.Activities.Where(a => a.Action == SupportedActions.UserPersonalSettingsUpdate).SingleAsync(ct);
        Assert.Equal((alice.Id, "alice", "/culture/set"), (recorded.UserId, recorded.Username, recorded.Endpoint));
        // Choosing the language already saved changes nothing and records nothing (Single above). The sign-in itself was recorded too (SMALL and MEDIUM both hold it).
        Assert.True(await db.Activities.AnyAsync(a => a.Action == SupportedActions.UserLoginWithLocal && a.UserId == alice.Id, ct));
    }

    [Fact]
    public async Task SwitchingLanguage_ShouldRecordNothing_WhenTheActionIsNotAvailable()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new AuditAdminFactory();
        await factory.CreateUserAsync("bob");
        using var client = await factory.CreateSignedInClientAsync("bob");

        using var switched = await client.GetAsync("/culture/set?culture=ja", ct);

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        await using var db = await factory.DbFactory.CreateDbContextAsync(ct);
        Assert.False(await db.Activities.AnyAsync(a => a.Action == SupportedActions.UserPersonalSettingsUpdate, ct));
    }
}
