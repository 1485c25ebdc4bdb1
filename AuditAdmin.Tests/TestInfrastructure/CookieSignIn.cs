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
        using var response = await client.PostSignInFormAsync(userName, password);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("Login", StringComparison.Ordinal) == true)
        {
            client.Dispose();
            throw new InvalidOperationException($"Sign-in of {userName} failed: {(int)response.StatusCode} {response.Headers.Location}");
        }
        return client;
    }

    /// <summary>Fills and posts the sign-in form as a browser would (optionally to a path with a query, from a forwarded address).</summary>
    public static async Task<HttpResponseMessage> PostSignInFormAsync(this HttpClient client, string userName, string password,
        string path = "/Account/Login", string? forwardedFor = null)
    {
        var ct = TestContext.Current.CancellationToken;
        using var get = new HttpRequestMessage(HttpMethod.Get, path);
        if (forwardedFor is not null)
        {
            get.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        using var page = await client.SendAsync(get, ct);
        var form = await page.Content.ReadAsStringAsync(ct);
        // The page has two forms (language and sign-in), each with the same antiforgery token: keep one of each field.
        var fields = HiddenInput().Matches(form).DistinctBy(m => m.Groups["name"].Value)
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.UserName"] = userName;
        fields["Input.Password"] = password;
        var post = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        if (forwardedFor is not null)
        {
            post.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        return await client.SendAsync(post, ct);
    }

    /// <summary>The page's form token (any page with a form), for posting a form as the browser would.</summary>
    public static async Task<string> FormTokenAsync(this HttpClient client, string page) =>
        FormToken(await client.GetStringAsync(page, TestContext.Current.CancellationToken));

    /// <summary>The form token of a page already fetched.</summary>
    public static string FormToken(string html) =>
        WebUtility.HtmlDecode(HiddenInput().Matches(html).First(m => m.Groups["name"].Value == "__RequestVerificationToken")
            .Groups["value"].Value);

    [GeneratedRegex(""""<input[^>]*type="hidden"[^>]*name="(?<name>[^"]+)"[^>]*value="(?<value>[^"]*)"""")]
    private static partial Regex HiddenInput();
}
