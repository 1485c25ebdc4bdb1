namespace AuditAdmin.Web.Infrastructure;

/// <summary>
/// Where the browser's requests come from, for the activities that interactive components record. A circuit has no
/// HttpContext of its own: <c>App</c> reads the address from the request that opened the page (after the forwarded
/// headers) and hands it to <c>Routes</c> as a root-component parameter, which Blazor protects from the client.
/// </summary>
internal sealed class ClientConnection
{
    public string? Ip { get; set; }

    /// <summary>The page the action was taken on (path only: queries may hold filters that do not belong in the log).</summary>
    public static string PagePath(Microsoft.AspNetCore.Components.NavigationManager navigation) =>
        new Uri(navigation.Uri).AbsolutePath;
}
