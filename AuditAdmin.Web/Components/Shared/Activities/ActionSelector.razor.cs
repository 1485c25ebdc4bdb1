using AuditAdmin.Core.Features.Activities;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace AuditAdmin.Web.Components.Shared.Activities;

/// <summary>
/// Multi-select of the searchable actions (<see cref="AvailableActions.Get"/> without essentials), grouped by category,
/// each category with a tri-state "select all" box. <see cref="Value"/> is null when every available action is
/// selected (no action filter, as the reference UI sends), otherwise the selected actions in display order
/// (category, then action); an empty list matches nothing.
/// </summary>
public sealed partial class ActionSelector
{
    private readonly HashSet<string> _selected = new(StringComparer.Ordinal);
    private IReadOnlyList<string> _available = [];
    private IReadOnlyList<ActionCategoryGroup> _groups = [];
    private IReadOnlyList<string>? _lastValue;
    private bool _initialized;
    private bool _open;

    /// <summary>The selected actions; null means "all available actions" (no filter).</summary>
    [Parameter]
    public IReadOnlyList<string>? Value { get; set; }

    /// <summary>Raised with the new selection: null when everything available is selected.</summary>
    [Parameter]
    public EventCallback<IReadOnlyList<string>?> ValueChanged { get; set; }

    /// <summary>Prevents changes.</summary>
    [Parameter]
    public bool Disabled { get; set; }

    protected override void OnParametersSet()
    {
        var available = AvailableActions.Get(includeEssential: false);
        var availableChanged = !available.SequenceEqual(_available);
        if (availableChanged)
        {
            _available = available;
            _groups = ActionCategoryGroup.Build(available);
        }
        if (!_initialized || availableChanged || !SameSelection(Value, _lastValue))
        {
            _initialized = true;
            _lastValue = Value;
            _selected.Clear();
            _selected.UnionWith(Value is null ? _available : Value.Where(_available.Contains));
        }
    }

    private string SummaryText =>
        Value is null ? L["Activities_Filter_ActionsAll"] : L["Activities_Filter_ActionsCount", _selected.Count, _available.Count];

    private bool? CategoryState(ActionCategoryGroup group)
    {
        var count = group.Actions.Count(_selected.Contains);
        return count == group.Actions.Count ? true : count == 0 ? false : null;
    }

    private Task ToggleCategoryAsync(ActionCategoryGroup group)
    {
        // A click selects the whole category unless it is already complete, whatever state the box cycles to.
        if (CategoryState(group) == true)
        {
            _selected.ExceptWith(group.Actions);
        }
        else
        {
            _selected.UnionWith(group.Actions);
        }
        return PublishAsync();
    }

    private Task SetActionAsync(string action, bool selected)
    {
        if (selected)
        {
            _selected.Add(action);
        }
        else
        {
            _selected.Remove(action);
        }
        return PublishAsync();
    }

    private Task PublishAsync()
    {
        IReadOnlyList<string>? value = _available.All(_selected.Contains)
            ? null
            : _groups.SelectMany(g => g.Actions).Where(_selected.Contains).ToList();
        _lastValue = value;
        return ValueChanged.InvokeAsync(value);
    }

    private void Toggle() => _open = !_open;

    private void OnPanelKeyDown(KeyboardEventArgs e)
    {
        if (e.Key == "Escape")
        {
            _open = false;
        }
    }

    private string CategoryName(ActionCategory category) => L[$"ActionCategory_{category}"];

    private string ActionLabel(string action) => ActionLabelText.Of(Labels, action);

    private static bool SameSelection(IReadOnlyList<string>? a, IReadOnlyList<string>? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.SequenceEqual(b));
}
