using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AuditAdmin.Web.Components.Shared.Activities;

/// <summary>
/// A range of whole calendar days (the reader's days: the query turns them into instants in the reader's zone).
/// Bind <see cref="Start"/> and <see cref="End"/>, or listen to <see cref="RangeChanged"/> to get both at once.
/// </summary>
public sealed partial class ActivityDateRangePicker
{
    private DateRange _range = new();

    /// <summary>First day, included; null for none.</summary>
    [Parameter]
    public DateOnly? Start { get; set; }

    /// <summary>Raised when the first day changes.</summary>
    [Parameter]
    public EventCallback<DateOnly?> StartChanged { get; set; }

    /// <summary>Last day, included to its last instant; null for none.</summary>
    [Parameter]
    public DateOnly? End { get; set; }

    /// <summary>Raised when the last day changes.</summary>
    [Parameter]
    public EventCallback<DateOnly?> EndChanged { get; set; }

    /// <summary>Raised once per change with both days (either may be null after clearing).</summary>
    [Parameter]
    public EventCallback<(DateOnly? Start, DateOnly? End)> RangeChanged { get; set; }

    /// <summary>Input label; defaults to the localised "Date range".</summary>
    [Parameter]
    public string? Label { get; set; }

    /// <summary>Prevents changes.</summary>
    [Parameter]
    public bool Disabled { get; set; }

    protected override void OnParametersSet() =>
        _range = new DateRange(Start?.ToDateTime(TimeOnly.MinValue), End?.ToDateTime(TimeOnly.MinValue));

    private async Task OnChangedAsync(DateRange? range)
    {
        DateOnly? start = range?.Start is { } s ? DateOnly.FromDateTime(s) : null;
        DateOnly? end = range?.End is { } e ? DateOnly.FromDateTime(e) : null;
        _range = range ?? new DateRange();
        if (start != Start)
        {
            await StartChanged.InvokeAsync(start);
        }
        if (end != End)
        {
            await EndChanged.InvokeAsync(end);
        }
        await RangeChanged.InvokeAsync((start, end));
    }
}
