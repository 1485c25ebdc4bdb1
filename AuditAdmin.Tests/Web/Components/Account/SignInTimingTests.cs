using System.Diagnostics;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AuditAdmin.Tests.Web.Components.Account;

/// <summary>An unknown name must cost what a wrong password costs, or the answer's time tells which names exist.</summary>
public sealed class SignInTimingTests(AuditAdminFactory factory) : IClassFixture<AuditAdminFactory>
{
    [Fact]
    public async Task UnknownUsername_ShouldTakeAboutAsLongAsAWrongPassword()
    {
        await factory.CreateUserAsync("frank");
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        // Warm both paths (JIT, first queries) before timing; five wrong passwords stay under the lockout's ten.
        (await client.PostSignInFormAsync("frank", "wrong-password")).Dispose();
        (await client.PostSignInFormAsync("no-such-user", "wrong-password")).Dispose();

        var known = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            known.Add(await TimeAsync(client, "frank"));
            unknown.Add(await TimeAsync(client, $"no-such-user-{i}"));
        }

        // Hashing dominates a wrong password (a PBKDF2 of 100,000 rounds); without the decoy an unknown name is a
        // single query, tens of times faster. Half is a loose bound on a noisy machine that still tells them apart.
        Assert.True(Median(unknown) >= Median(known) * 0.5,
            $"unknown {string.Join(", ", unknown)} ms against known {string.Join(", ", known)} ms");
    }

    private static async Task<double> TimeAsync(HttpClient client, string userName)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.PostSignInFormAsync(userName, "wrong-password");
        watch.Stop();
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
