using System.Globalization;

namespace AuditAdmin.Core.Features.Activities;

/// <summary>How often the seeder uses each catalog action, and the endpoint and target that go with it.</summary>
internal static class SeedActions
{
    /// <summary>Relative frequency of the everyday actions; the others follow their group (see <see cref="Weight"/>).</summary>
    private static readonly Dictionary<string, double> Everyday = new(StringComparer.Ordinal)
    {
        [SupportedActions.UserLoginWithLocal] = 30,
        [SupportedActions.UserLogout] = 15,
        [SupportedActions.UserLoginFailure] = 3,
        [SupportedActions.PageUpdate] = 20,
        [SupportedActions.PageCreate] = 8,
        [SupportedActions.SearchPage] = 10,
        [SupportedActions.CommentCreate] = 5,
        [SupportedActions.AttachmentDownload] = 4,
        [SupportedActions.AttachmentAdd] = 3,
        [SupportedActions.PageView] = 3,
        [SupportedActions.PageDelete] = 2,
    };

    private static readonly ActionDefinition[] Actions = [.. ActionCatalog.All];
    private static readonly double[] Cumulative = Accumulate();

    private static double Weight(ActionDefinition action) =>
        Everyday.TryGetValue(action.Value, out var weight) ? weight
        : (action.Groups & ActionGroups.Small) != 0 ? 1
        : (action.Groups & ActionGroups.Medium) != 0 ? 0.5
        : (action.Groups & ActionGroups.Large) != 0 ? 0.1
        : 0.02;

    private static double[] Accumulate()
    {
        var sums = new double[Actions.Length];
        double total = 0;
        for (var i = 0; i < Actions.Length; i++)
        {
            total += Weight(Actions[i]);
            sums[i] = total;
        }
        return [.. sums.Select(s => s / total)];
    }

    /// <summary>The action at <paramref name="uniform"/> (0 ≤ u &lt; 1) of the weighted distribution.</summary>
    public static ActionDefinition Pick(double uniform)
    {
        var index = Array.BinarySearch(Cumulative, uniform);
        return Actions[Math.Min(index < 0 ? ~index : index + 1, Actions.Length - 1)];
    }

    public static string Endpoint(ActionDefinition action) => action.Value switch
    {
        SupportedActions.UserLogout => "/_api/v3/logout",
        _ when action.Value.StartsWith("USER_LOGIN_", StringComparison.Ordinal) => "/_api/v3/login",
        _ => action.Category switch
        {
            ActionCategory.Page => "/_api/v3/page",
            ActionCategory.Comment => "/_api/v3/comments",
            ActionCategory.Tag => "/_api/v3/tags",
            ActionCategory.Attachment => "/_api/v3/attachment",
            ActionCategory.ShareLink => "/_api/v3/share-links",
            ActionCategory.InAppNotification => "/_api/v3/in-app-notification/all-statuses-open",
            ActionCategory.Search => "/_api/search",
            ActionCategory.User => "/_api/v3/personal-setting",
            ActionCategory.Admin => "/_api/v3/app-settings",
            ActionCategory.Export => "/_api/v3/audit-log-bulk-export",
            _ => "/",
        },
    };

    public static (string? TargetModel, string? Target, string? EventModel, string? Event) Targets(ActionDefinition action, Random random) =>
        action.Category switch
        {
            ActionCategory.Page or ActionCategory.Tag or ActionCategory.ShareLink => ("Page", ObjectId(random, 5_000), null, null),
            ActionCategory.Comment => ("Page", ObjectId(random, 5_000), "Comment", ObjectId(random, 50_000)),
            ActionCategory.Attachment => ("Attachment", ObjectId(random, 20_000), null, null),
            ActionCategory.Export => ("AuditLogBulkExportJob", ObjectId(random, 1_000), null, null),
            _ => (null, null, null, null),
        };

    /// <summary>A 24-hex id (GROWI's ObjectId shape) out of a pool of <paramref name="pool"/>, so targets repeat.</summary>
    private static string ObjectId(Random random, int pool) =>
        "65f0a1b2c3d4" + random.Next(pool).ToString("x12", CultureInfo.InvariantCulture);
}
