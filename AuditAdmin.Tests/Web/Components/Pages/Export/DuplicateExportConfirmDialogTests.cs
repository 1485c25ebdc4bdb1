using System.Globalization;
using AuditAdmin.Core.Identity;
using AuditAdmin.Web.Components.Pages.Export;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AuditAdmin.Tests.Web.Components.Pages.Export;

public sealed class DuplicateExportConfirmDialogTests : IAsyncLifetime
{
    private static readonly DateTime StartedAt = new(2026, 5, 4, 23, 30, 0, DateTimeKind.Utc);
    private SqliteTestDatabase _db = default!;

    public async ValueTask InitializeAsync() => _db = await SqliteTestDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private async Task<(IDialogReference Reference, IRenderedComponent<MudDialogProvider> Dialogs)> ShowAsync(MudTestContext ctx)
    {
        var dialogs = ctx.Render<MudDialogProvider>();
        var service = ctx.Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<DuplicateExportConfirmDialog> { { d => d.StartedAt, StartedAt } };
        var reference = await dialogs.InvokeAsync(() => service.ShowAsync<DuplicateExportConfirmDialog>(null, parameters));
        return (reference, dialogs);
    }

    private MudTestContext Context(string culture, string zone) => new(culture, ctx =>
    {
        ctx.AddAuditAdminServices(_db);
        ctx.SignIn("admin-1", "alice", admin: true, timeZone: zone);
    });

    [Fact]
    public async Task Message_ShouldGiveTheStartTimeInTheViewersZoneAndLanguage()
    {
        await using var ctx = Context("fr", "Europe/Paris");

        var (_, dialogs) = await ShowAsync(ctx);

        var expected = UserTime.Format(StartedAt, UserTime.FindZone("Europe/Paris"), CultureInfo.GetCultureInfo("fr"));
        Assert.StartsWith("05/05/2026", expected, StringComparison.Ordinal);
        dialogs.WaitForAssertion(() => Assert.Equal(
            $"Un export avec les mêmes conditions est déjà en cours (lancé le {expected}). Voulez-vous le relancer ?",
            dialogs.Find("[data-testid=duplicate-export-message]").TextContent), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Restart_ShouldCloseWithOk_AndKeep_ShouldCancel()
    {
        await using var ctx = Context("en", "UTC");
        var (restart, dialogs) = await ShowAsync(ctx);
        await dialogs.WaitForElement("[data-testid=duplicate-export-restart]", TimeSpan.FromSeconds(10)).ClickAsync(new());
        Assert.False((await restart.Result)!.Canceled);

        var (keep, _) = await ShowAsync(ctx);
        await dialogs.WaitForElement("[data-testid=duplicate-export-keep]", TimeSpan.FromSeconds(10)).ClickAsync(new());
        Assert.True((await keep.Result)!.Canceled);
    }
}
