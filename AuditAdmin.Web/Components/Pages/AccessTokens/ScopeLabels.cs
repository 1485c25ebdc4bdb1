using AuditAdmin.Core.Identity;

namespace AuditAdmin.Web.Components.Pages.AccessTokens;

/// <summary>The SharedResource key that describes each scope.</summary>
internal static class ScopeLabels
{
    private static readonly Dictionary<string, string> Keys = new(StringComparer.Ordinal)
    {
        [Scopes.ReadAuditLog] = "Scope_ReadAuditLog",
        [Scopes.WriteAuditLog] = "Scope_WriteAuditLog",
        [Scopes.ReadInAppNotification] = "Scope_ReadInAppNotification",
        [Scopes.WriteInAppNotification] = "Scope_WriteInAppNotification",
        [Scopes.ReadAttachment] = "Scope_ReadAttachment",
    };

    public static string Key(string scope) => Keys.GetValueOrDefault(scope, "Scope_Unknown");

    /// <summary>The audit log's scopes and the download's only work for admins and auditors, so others are not offered them.</summary>
    public static bool IsAuditScope(string scope) =>
        scope.Contains(":admin:", StringComparison.Ordinal) || scope == Scopes.ReadAttachment;
}
