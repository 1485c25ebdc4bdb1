using Microsoft.AspNetCore.Components;
using AuditAdmin.Core.Features.Activities;
using MudBlazor;

namespace AuditAdmin.Web.Components.Shared.Activities;

/// <summary>
/// Multi-select of recorded usernames (<see cref="Activity.Username"/>) with a debounced autocomplete that matches
/// anywhere in the name, active accounts first, then inactive ones, then names without an account; chosen names appear
/// as removable chips. Only recorded names are offered, so a typo cannot silently match nothing.
/// </summary>
public sealed partial class UsernamePicker
{
    private MudAutocomplete<UsernameSuggestion> _autocomplete = default!;
    private UsernameSuggestion? _pending;

    /// <summary>The selected usernames, in the order they were picked. Empty means "no username filter".</summary>
    [Parameter]
    public IReadOnlyList<string> Value { get; set; } = [];

    /// <summary>Raised with the new list when a name is added or removed.</summary>
    [Parameter]
    public EventCallback<IReadOnlyList<string>> ValueChanged { get; set; }

    /// <summary>Input label; defaults to the localised "Username".</summary>
    [Parameter]
    public string? Label { get; set; }

    /// <summary>How many suggestions to show at most.</summary>
    [Parameter]
    public int MaxSuggestions { get; set; } = 10;

    /// <summary>Milliseconds of typing pause before suggestions are fetched.</summary>
    [Parameter]
    public int DebounceMilliseconds { get; set; } = 300;

    /// <summary>Prevents changes.</summary>
    [Parameter]
    public bool Disabled { get; set; }

    private async Task<IEnumerable<UsernameSuggestion>?> SearchAsync(string? text, CancellationToken cancellationToken)
    {
        // Ask for a few more than shown so that already-chosen names do not leave the list short.
        var names = await Queries.SuggestUsernamesAsync(text, MaxSuggestions + Value.Count, cancellationToken);
        return names.Where(n => !Value.Contains(n.Username, StringComparer.Ordinal)).Take(MaxSuggestions).ToList();
    }

    private string PresenceText(UserPresence presence) =>
        presence == UserPresence.Inactive ? L["Activities_Filter_UserInactive"] : L["Activities_Filter_UserDeleted"];

    private async Task AddAsync(UsernameSuggestion? suggestion)
    {
        _pending = null;
        if (suggestion is not { Username: { Length: > 0 } name } || string.IsNullOrWhiteSpace(name))
        {
            return;
        }
        await _autocomplete.ClearAsync();
        if (!Value.Contains(name, StringComparer.Ordinal))
        {
            await ValueChanged.InvokeAsync([.. Value, name]);
        }
    }

    private Task RemoveAsync(MudChip<string> chip) =>
        ValueChanged.InvokeAsync(Value.Where(n => !string.Equals(n, chip.Value, StringComparison.Ordinal)).ToList());
}
