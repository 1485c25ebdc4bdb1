using System.Net;
using AuditAdmin.Core.Identity;

namespace AuditAdmin.Tests.Web.Endpoints;

/// <summary>
/// JSON that parses but holds a lone UTF-16 surrogate escape cannot be read as text: every endpoint that reads JSON
/// answers 400 with the envelope instead of failing later with a 500.
/// </summary>
public sealed class UnreadableJsonTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData("/_api/v3/audit-log-bulk-export", """{"filters":{"usernames":["\ud800"]}}""")]
    [InlineData("/_api/v3/audit-log-bulk-export", """{"filters":{"\udfff":1}}""")]
    [InlineData("/_api/v3/activity/list", """{"searchFilter":{"usernames":["a\udc00"]}}""")]
    [InlineData("/_api/v3/activities", """{"activities":[{"action":"USER_LOGOUT","username":"\ud83d"}]}""")]
    public async Task Post_ShouldAnswer400ValidationFailed_WhenAStringHoldsALoneSurrogate(string path, string body)
    {
        using var response = await fixture.Admin.PostJsonAsync(path, body);

        Assert.Equal(("validation_failed", "body"), await response.ErrorAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task ListQuery_ShouldAnswer400ValidationFailed_WhenSearchFilterHoldsALoneSurrogate()
    {
        var filter = Uri.EscapeDataString("""{"usernames":["\ud800"]}""");

        using var response = await fixture.Admin.GetAsync($"/_api/v3/activity?searchFilter={filter}", TestContext.Current.CancellationToken);

        Assert.Equal(("validation_failed", "searchFilter"), await response.ErrorAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task OpenNotification_ShouldAnswer400ValidationFailed_WhenTheIdHoldsALoneSurrogate()
    {
        var user = await fixture.Factory.CreateUserAsync("surrogate-reader");
        using var client = fixture.Factory.CreateTokenClient(await fixture.Factory.CreateTokenAsync(user, [Scopes.WriteInAppNotification]));

        using var response = await client.PostJsonAsync("/_api/v3/in-app-notification/open", """{"id":"\ud800"}""");

        Assert.Equal(("validation_failed", null), await response.ErrorAsync(HttpStatusCode.BadRequest));
    }
}
