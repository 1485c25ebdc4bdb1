using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Export;

namespace AuditAdmin.Tests.Features.Export;

public sealed class CanonicalExportFiltersTests
{
    [Fact]
    public void From_ShouldSortDeduplicateAndSpellDatesAsUtcIso()
    {
        var canonical = CanonicalExportFilters.From(new ExportFilters
        {
            Usernames = ["carol", "Bob", "bob", "carol"],
            Actions = [SupportedActions.PageDelete, SupportedActions.PageCreate, SupportedActions.PageDelete],
            DateFrom = new DateTime(2026, 1, 31, 0, 0, 0, DateTimeKind.Utc),
            DateTo = new DateTime(2026, 2, 1, 14, 59, 59, DateTimeKind.Utc).AddTicks(9_999_999),
        });

        Assert.Equal(
            """{"usernames":["Bob","bob","carol"],"actions":["PAGE_CREATE","PAGE_DELETE"],"dateFrom":"2026-01-31T00:00:00.0000000Z","dateTo":"2026-02-01T14:59:59.9999999Z"}""",
            canonical.Json);
        Assert.Matches("^[0-9a-f]{64}$", canonical.Hash);
    }

    [Fact]
    public void From_ShouldDropEmptyLists_SoTheyHashLikeNoFilter()
    {
        var empty = CanonicalExportFilters.From(new ExportFilters { Usernames = [], Actions = [] });
        var none = CanonicalExportFilters.From(new ExportFilters());

        Assert.Equal("{}", none.Json);
        Assert.Equal(none.Hash, empty.Hash);
    }

    [Fact]
    public void From_ShouldHashDifferently_WhenAnyFilterDiffers()
    {
        var hashes = new[]
        {
            new ExportFilters(),
            new ExportFilters { Usernames = ["bob"] },
            new ExportFilters { Actions = [SupportedActions.PageCreate] },
            new ExportFilters { DateFrom = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) },
            new ExportFilters { DateTo = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) },
        }.Select(f => CanonicalExportFilters.From(f).Hash);

        Assert.Equal(5, hashes.Distinct().Count());
    }

    [Fact]
    public void Parse_ShouldReadBackTheCanonicalFilters()
    {
        var canonical = CanonicalExportFilters.From(new ExportFilters
        {
            Usernames = ["名前", "bob"],
            Actions = [SupportedActions.AuditLogBulkExportNoResults],
            DateFrom = new DateTime(2026, 1, 31, 15, 0, 0, DateTimeKind.Utc),
        });

        var parsed = CanonicalExportFilters.Parse(canonical.Json);

        Assert.Equal(["bob", "名前"], parsed.Usernames);
        Assert.Equal([SupportedActions.AuditLogBulkExportNoResults], parsed.Actions);
        Assert.Equal(canonical.Filters.DateFrom, parsed.DateFrom);
        Assert.Equal(DateTimeKind.Utc, parsed.DateFrom!.Value.Kind);
        Assert.Null(parsed.DateTo);
        Assert.Equal(canonical.Json, CanonicalExportFilters.From(parsed).Json);
    }

    [Fact]
    public void From_ShouldRefuseAnUnknownAction_AndDateFromAfterDateTo()
    {
        Assert.Throws<ArgumentException>(() => CanonicalExportFilters.From(new ExportFilters { Actions = ["page_create"] }));
        Assert.Throws<ArgumentException>(() => CanonicalExportFilters.From(new ExportFilters
        {
            DateFrom = new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc),
            DateTo = new DateTime(2026, 1, 31, 0, 0, 0, DateTimeKind.Utc),
        }));
    }
}
