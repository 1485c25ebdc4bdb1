using AuditAdmin.Core.Features.Notifications;
using AuditAdmin.Web.Infrastructure;

namespace AuditAdmin.Web.Components.Pages.Notifications;

/// <summary>All of the reader's notifications, a page at a time, with an Unread tab; live through the broadcaster.</summary>
public sealed partial class NotificationsPage
{
    /// <summary>GROWI's page shows 20 a page.</summary>
    private const int PageSize = 20;

    private CurrentUserInfo _viewer = CurrentUserInfo.From(new System.Security.Claims.ClaimsPrincipal());
    private NotificationEntryPage? _page;
    private int _tab;
    private int _pageNumber = 1;
    private int _unopened;
    private IDisposable? _subscription;

    private int PageCount => _page is null ? 0 : (_page.TotalCount + PageSize - 1) / PageSize;

    protected override async Task OnInitializedAsync()
    {
        _viewer = await CurrentUser.GetAsync();
        await LoadAsync();
        if (RendererInfo.IsInteractive && _viewer.Id is { } userId)
        {
            _subscription = Broadcaster.Subscribe(userId, () => InvokeAsync(RefreshAsync));
        }
    }

    private async Task LoadAsync()
    {
        if (_viewer.Id is not { } userId)
        {
            return;
        }
        var status = _tab == 1 ? InAppNotificationStatus.Unopened : null;
        _unopened = await Notifications.CountUnopenedAsync(userId, CancellationToken.None);
        _page = await Feed.ListAsync(userId, (_pageNumber - 1) * PageSize, PageSize, status, CancellationToken.None);
        if (_page.Items.Count == 0 && _pageNumber > 1)
        {
            // The page emptied under us (read in the Unread tab, or removed): show the last page that has items.
            _pageNumber = Math.Max(1, PageCount);
            _page = await Feed.ListAsync(userId, (_pageNumber - 1) * PageSize, PageSize, status, CancellationToken.None);
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
            Logger.LogWarning(ex, "Could not refresh the notifications page");
        }
    }

    private async Task OnTabChangedAsync(int tab)
    {
        _tab = tab;
        _pageNumber = 1;
        await LoadAsync();
    }

    private async Task OnPageChangedAsync(int page)
    {
        _pageNumber = page;
        await LoadAsync();
    }

    private async Task OpenAsync(NotificationEntry entry)
    {
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
