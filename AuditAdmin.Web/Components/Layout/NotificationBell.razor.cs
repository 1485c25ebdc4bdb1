using AuditAdmin.Core.Features.Notifications;
using AuditAdmin.Web.Infrastructure;

namespace AuditAdmin.Web.Components.Layout;

/// <summary>The bell in the app bar: the unread count, live, and a panel with the latest notifications.</summary>
public sealed partial class NotificationBell
{
    private const int PanelSize = 10;

    private CurrentUserInfo _viewer = CurrentUserInfo.From(new System.Security.Claims.ClaimsPrincipal());
    private IReadOnlyList<NotificationEntry> _entries = [];
    private int _count;
    private bool _open;
    private IDisposable? _subscription;

    protected override async Task OnInitializedAsync()
    {
        _viewer = await CurrentUser.GetAsync();
        if (_viewer.Id is not { } userId)
        {
            return;
        }
        _count = await Notifications.CountUnopenedAsync(userId, CancellationToken.None);
        if (RendererInfo.IsInteractive)
        {
            // Called from whichever thread changed the notifications: hop onto this circuit before touching state.
            _subscription = Broadcaster.Subscribe(userId, () => InvokeAsync(RefreshAsync));
        }
    }

    private async Task RefreshAsync()
    {
        try
        {
            await LoadAsync();
            StateHasChanged();
        }
        catch (Exception ex)
        {
            // Never let one circuit's failure reach the publisher (an export job, another user's request).
            Logger.LogWarning(ex, "Could not refresh the notification bell");
        }
    }

    private async Task LoadAsync()
    {
        if (_viewer.Id is not { } userId)
        {
            return;
        }
        _count = await Notifications.CountUnopenedAsync(userId, CancellationToken.None);
        if (_open)
        {
            _entries = (await Feed.ListAsync(userId, 0, PanelSize, null, CancellationToken.None)).Items;
        }
    }

    private async Task ToggleAsync()
    {
        _open = !_open;
        if (_open)
        {
            await LoadAsync();
        }
    }

    private void Close() => _open = false;

    private void OnOverlayVisibleChanged(bool visible) => _open = visible;

    private async Task OpenAsync(NotificationEntry entry)
    {
        if (entry.OpenUrl is not null)
        {
            // The browser is already fetching the zip; the panel has done its job.
            _open = false;
        }
        await Actions.OpenAsync(_viewer, entry);
        await LoadAsync();
    }

    private async Task MarkAllAsync()
    {
        await Actions.OpenAllAsync(_viewer);
        await LoadAsync();
    }

    public void Dispose() => _subscription?.Dispose();
}
