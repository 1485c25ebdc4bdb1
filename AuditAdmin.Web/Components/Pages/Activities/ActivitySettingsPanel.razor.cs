using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Web.Infrastructure;
using Microsoft.AspNetCore.Components;

namespace AuditAdmin.Web.Components.Pages.Activities;

/// <summary>Read-only view of the audit log configuration, of the retention job's runs and of the signing certificate.</summary>
public sealed partial class ActivitySettingsPanel
{
    private AuditLogOptions _options = new();
    private IReadOnlyList<string> _available = [];
    private ActivityRetentionStatus? _lastRetention;
    private IReadOnlyList<ActivityRetentionRun> _history = [];

    /// <summary>How many of the recorded retention runs the panel lists.</summary>
    internal const int HistoryLength = 10;
    private bool _listOpen;
    private string? _fingerprint;

    /// <summary>The reader, for the time zone of the last run.</summary>
    [Parameter]
    public CurrentUserInfo? Reader { get; set; }

    private string GroupSize => string.IsNullOrEmpty(_options.ActionGroupSize) ? "SMALL" : _options.ActionGroupSize;

    protected override async Task OnInitializedAsync()
    {
        _options = Options.CurrentValue;
        _available = AvailableActions.Get(includeEssential: false);
        _lastRetention = await Retention.GetLastRunAsync(CancellationToken.None);
        _history = await Retention.GetHistoryAsync(HistoryLength, CancellationToken.None);
        _fingerprint = AuditAdmin.Core.Features.Signing.SigningCertificates.Fingerprint(await Certificates.GetCurrentAsync(CancellationToken.None));
    }
}
