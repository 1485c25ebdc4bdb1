using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AuditAdmin.Tests.TestInfrastructure;

/// <summary>Signs in through the real login form over HTTP and returns a client that carries the auth cookie.</summary>
public static partial class HttpSignIn
{
    public static async Task<HttpClient> SignInAsync(this AuditAdminFactory factory, string userName,
        string password = AuditAdminFactory.Password)
    {
        var ct = TestContext.Current.CancellationToken;
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/Account/Login", ct);
        var token = AntiforgeryField().Match(form);
        if (!token.Success)
        {
            throw new InvalidOperationException("The login form carries no antiforgery token.");
        }
        using var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
            ["Input.TimeZone"] = "",
        }), ct);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {userName} answered {(int)response.StatusCode}, not a redirect.");
        }
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
