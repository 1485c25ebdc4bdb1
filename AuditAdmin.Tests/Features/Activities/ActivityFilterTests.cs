using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Export;

namespace AuditAdmin.Tests.Features.Activities;

public sealed class ActivityFilterTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public void ToUtcRange_ShouldSpanWholeLocalDays()
    {
        var filter = new ActivityFilter { StartDate = new DateOnly(2026, 3, 1), EndDate = new DateOnly(2026, 3, 2) };

        var (from, to) = filter.ToUtcRange(Tokyo);

        Assert.Equal(new DateTime(2026, 2, 28, 15, 0, 0, DateTimeKind.Utc), from);
        Assert.Equal(new DateTime(2026, 3, 2, 15, 0, 0, DateTimeKind.Utc), to);
    }

    [Fact]
    public void ToUtcRange_ShouldFollowDaylightSavingTime()
    {
        // Paris moves to summer time on 29 March 2026: that day lasts 23 hours.
        var (from, to) = new ActivityFilter { StartDate = new DateOnly(2026, 3, 29) }.ToUtcRange(Paris);

        Assert.Equal(new DateTime(2026, 3, 28, 23, 0, 0, DateTimeKind.Utc), from);
        Assert.Equal(new DateTime(2026, 3, 29, 22, 0, 0, DateTimeKind.Utc), to);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("2026-03-01", null)]
    [InlineData(null, "2026-03-05")]
    [InlineData("2026-03-01", "2026-03-05")]
    public void ToUtcRange_ShouldSelectWhatTheExportSelects(string? start, string? end)
    {
        var filter = new ActivityFilter
        {
            StartDate = start is null ? null : DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            EndDate = end is null ? null : DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture),
        };

        var (from, toExclusive) = filter.ToUtcRange(Tokyo);
        var export = ExportFilters.FromActivityFilter(filter, Tokyo);

        Assert.Equal(export.DateFrom, from);
        Assert.Equal(export.DateTo, toExclusive?.AddTicks(-1));
    }
}
