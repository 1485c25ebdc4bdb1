using System.Net;
using System.Text.Json;
using AuditAdmin.Core.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AuditAdmin.Tests.Web.Components.Account;

public sealed class ChangePasswordTests
{
    private const string NewPassword = "Another-Horse-7-Staple";

    [Fact]
    public async Task APasswordThatMustBeChanged_ShouldLeadEveryPageThere_AndTheApiShouldRefuse_UntilItIsChanged()
    {
        await using var factory = new AuditAdminFactory();
        var henry = await factory.CreateUserAsync("henry", admin: true);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<UserAdministration>().RequirePasswordChangeAsync(henry.Id);
        }
        using var client = await factory.CreateSignedInClientAsync("henry");

        using var page = await client.GetAsync("/admin/audit-log", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/Account/ChangePassword", page.Headers.Location?.OriginalString);

        using var api = await client.GetAsync("/_api/v3/activity", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        using var dotted = await client.GetAsync("/_api/v3/activity.json", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, dotted.StatusCode);
        using (var body = JsonDocument.Parse(await api.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)))
        {
            Assert.Equal("password_change_required", body.RootElement.GetProperty("errors")[0].GetProperty("code").GetString());
        }

        using var form = await client.GetAsync("/Account/ChangePassword", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("data-testid=\"change-password-required\"", await form.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        using var changed = await PostChangeAsync(client, AuditAdminFactory.Password, NewPassword, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        using var after = await client.GetAsync("/admin/audit-log", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        using var apiAfter = await client.GetAsync("/_api/v3/activity", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, apiAfter.StatusCode);
    }

    [Theory]
    [InlineData("not-the-password", NewPassword, NewPassword, "The current password is not correct.")]
    [InlineData(AuditAdminFactory.Password, NewPassword, "Another-Horse-7-Stapl", "The two new passwords differ.")]
    [InlineData(AuditAdminFactory.Password, AuditAdminFactory.Password, AuditAdminFactory.Password, "different from the current one")]
    public async Task AChangeThatCannotBeMade_ShouldSayWhy_AndKeepTheOldPassword(string current, string next, string repeated, string message)
    {
        await using var factory = new AuditAdminFactory();
        await factory.CreateUserAsync("iris");
        using var client = await factory.CreateSignedInClientAsync("iris");

        using var response = await PostChangeAsync(client, current, next, repeated);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), StringComparison.Ordinal);
        using var other = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var signIn = await other.PostSignInFormAsync("iris", AuditAdminFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostChangeAsync(HttpClient client, string current, string next, string repeated)
    {
        var token = await client.FormTokenAsync("/Account/ChangePassword");
        return await client.PostAsync("/Account/ChangePassword", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "change-password",
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = repeated,
        }), TestContext.Current.CancellationToken);
    }
}
