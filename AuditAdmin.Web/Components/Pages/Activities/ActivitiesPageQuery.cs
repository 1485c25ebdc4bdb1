using System.Globalization;
using System.Text;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Identity;

namespace AuditAdmin.Web.Components.Pages.Activities;

/// <summary>
/// The audit log view as query-string values, so a filtered page can be bookmarked and shared:
/// <c>?users=alice,bob&amp;actions=PAGE_CREATE,PAGE_DELETE&amp;from=2026-01-01&amp;to=2026-01-31&amp;source=ingested&amp;page=2&amp;size=25</c>.
/// Lists are comma-separated; a comma or backslash inside a name is escaped with a backslash.
/// An absent <c>actions</c> means every action; an empty one (<c>actions=</c>) means none.
/// </summary>
/// <param name="Problem">A resource key saying what in the address was dropped (a date that is no date or is out of range).</param>
public sealed record ActivitiesPageQuery(ActivityFilter Filter, int Page, int PageSize, string? Problem = null)
{
    public const string BadDateProblem = "AuditLog_Query_BadDate";

    public const string UsersKey = "users";
    public const string ActionsKey = "actions";
    public const string FromKey = "from";
    public const string ToKey = "to";
    public const string SourceKey = "source";
    public const string PageKey = "page";
    public const string SizeKey = "size";
    public const int DefaultPageSize = 10;
    private const string DateFormat = "yyyy-MM-dd";

    public static readonly int[] PageSizes = [10, 25, 50, 100];

    /// <summary>
    /// Reads the query values leniently: anything malformed falls back to "no filter" or the default. A date that is
    /// given but unusable (not yyyy-MM-dd, or outside the supported days) is dropped and reported in <see cref="Problem"/>,
    /// so a crafted address shows the page with a message rather than failing.
    /// </summary>
    public static ActivitiesPageQuery Parse(string? users, string? actions, string? from, string? to, int? page, int? size,
        string? source = null)
    {
        var names = SplitList(users);
        var start = ParseDate(from);
        var end = ParseDate(to);
        var filter = new ActivityFilter
        {
            Usernames = names.Count == 0 ? null : names,
            Actions = actions is null ? null : SplitList(actions),
            StartDate = start,
            EndDate = end,
            Source = source is ActivitySources.App or ActivitySources.Ingested ? source : null,
        };
        var dropped = (!string.IsNullOrEmpty(from) && start is null) || (!string.IsNullOrEmpty(to) && end is null);
        return new ActivitiesPageQuery(filter, Math.Max(1, page ?? 1), size is { } s && PageSizes.Contains(s) ? s : DefaultPageSize,
            dropped ? BadDateProblem : null);
    }

    /// <summary>Query parameters for NavigationManager.GetUriWithQueryParameters; defaults are left out (null removes a key).</summary>
    public IReadOnlyDictionary<string, object?> ToParameters() => new Dictionary<string, object?>
    {
        [UsersKey] = Filter.Usernames is { Count: > 0 } u ? JoinList(u) : null,
        [ActionsKey] = Filter.Actions is { } a ? JoinList(a) : null,
        [FromKey] = Filter.StartDate?.ToString(DateFormat, CultureInfo.InvariantCulture),
        [ToKey] = Filter.EndDate?.ToString(DateFormat, CultureInfo.InvariantCulture),
        [SourceKey] = Filter.Source,
        [PageKey] = Page > 1 ? Page : null,
        [SizeKey] = PageSize != DefaultPageSize ? PageSize : null,
    };

    private static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && UserTime.IsSupportedDay(date) ? date : null;

    public static string JoinList(IEnumerable<string> values) =>
        string.Join(',', values.Select(v => v.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal)));

    public static IReadOnlyList<string> SplitList(string? value)
    {
        var items = new List<string>();
        if (string.IsNullOrEmpty(value))
        {
            return items;
        }
        var current = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\\' && i + 1 < value.Length)
            {
                current.Append(value[++i]);
            }
            else if (c == ',')
            {
                Add();
            }
            else
            {
                current.Append(c);
            }
        }
        Add();
        return items;

        void Add()
        {
            var item = current.ToString();
            current.Clear();
            if (item.Length > 0 && !items.Contains(item, StringComparer.Ordinal))
            {
                items.Add(item);
            }
        }
    }
}
