using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Maintenance;
using AuditAdmin.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuditAdmin.Web.Components.Pages.Activities;

/// <summary>Read-only view of the audit log configuration and of the retention job's last run.</summary>
public sealed partial class ActivitySettingsPanel
{
    private AuditLogOptions _options = new();
    private IReadOnlyList<string> _available = [];
    private MaintenanceRun? _lastRetention;
    private bool _listOpen;

    [Inject]
    private IOptionsMonitor<AuditLogOptions> Options { get; set; } = default!;

    [Inject]
    private AvailableActions AvailableActions { get; set; } = default!;

    [Inject]
    private IDbContextFactory<AuditAdminDbContext> DbFactory { get; set; } = default!;

    /// <summary>The reader, for the time zone of the last run.</summary>
    [Parameter]
    public CurrentUserInfo? Reader { get; set; }

    private string GroupSize => string.IsNullOrEmpty(_options.ActionGroupSize) ? "SMALL" : _options.ActionGroupSize;

    protected override async Task OnInitializedAsync()
    {
        _options = Options.CurrentValue;
        _available = AvailableActions.Get(includeEssential: false);
        await using var db = await DbFactory.CreateDbContextAsync();
        _lastRetention = await db.MaintenanceRuns.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Name == MaintenanceTasks.ActivityRetention);
    }
}
