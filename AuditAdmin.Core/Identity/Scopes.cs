namespace AuditAdmin.Core.Identity;

/// <summary>Access-token scopes, spelled as GROWI spells them. A write scope implies its read scope.</summary>
public static class Scopes
{
    public const string ReadAuditLog = "read:admin:audit_log";
    public const string WriteAuditLog = "write:admin:audit_log";
    public const string ReadInAppNotification = "read:features:in_app_notification";
    public const string WriteInAppNotification = "write:features:in_app_notification";
    public const string ReadAttachment = "read:features:attachment";

    public static readonly IReadOnlyList<string> All =
        [ReadAuditLog, WriteAuditLog, ReadInAppNotification, WriteInAppNotification, ReadAttachment];

    /// <summary>The scopes a token really holds once write:X has added read:X.</summary>
    public static IReadOnlySet<string> Expand(IEnumerable<string> scopes)
    {
        var result = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var scope in scopes)
        {
            result.Add(scope);
            if (scope.StartsWith("write:", StringComparison.Ordinal))
            {
                result.Add("read:" + scope["write:".Length..]);
            }
        }
        return result;
    }
}
