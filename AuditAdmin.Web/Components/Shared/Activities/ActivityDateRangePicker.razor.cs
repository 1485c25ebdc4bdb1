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

    protected override void OnParametersSet()
    {
        if (ToDateOnly(_range.Start) != Start || ToDateOnly(_range.End) != End)
        {
            _range = new DateRange(Start?.ToDateTime(TimeOnly.MinValue), End?.ToDateTime(TimeOnly.MinValue));
        }
    }

    private async Task OnChangedAsync(DateRange? range)
    {
        var start = ToDateOnly(range?.Start);
        var end = ToDateOnly(range?.End);
        _range = range ?? new DateRange();
        // MudDateRangePicker also raises DateRangeChanged when its parameter is set: only real changes go out.
        if (start == Start && end == End)
        {
            return;
        }
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

    private static DateOnly? ToDateOnly(DateTime? value) => value is { } v ? DateOnly.FromDateTime(v) : null;
}
