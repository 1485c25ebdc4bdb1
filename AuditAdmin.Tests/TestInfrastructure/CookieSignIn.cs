using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AuditAdmin.Tests.TestInfrastructure;

/// <summary>Signs in through the real sign-in form (antiforgery token included), for tests of cookie sessions.</summary>
public static partial class CookieSignIn
{
    /// <summary>An HTTP client holding the session cookie of <paramref name="userName"/>.</summary>
    public static async Task<HttpClient> CreateSignedInClientAsync(this AuditAdminFactory factory, string userName,
        string password = AuditAdminFactory.Password)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var ct = TestContext.Current.CancellationToken;
        var form = await client.GetStringAsync("/Account/Login", ct);
        var fields = HiddenInput().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value),
            m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.UserName"] = userName;
        fields["Input.Password"] = password;
        using var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(fields), ct);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("Login", StringComparison.Ordinal) == true)
        {
            client.Dispose();
            throw new InvalidOperationException($"Sign-in of {userName} failed: {(int)response.StatusCode} {response.Headers.Location}");
        }
        return client;
    }

    [GeneratedRegex(""""<input[^>]*type="hidden"[^>]*name="(?<name>[^"]+)"[^>]*value="(?<value>[^"]*)"""")]
    private static partial Regex HiddenInput();
}
