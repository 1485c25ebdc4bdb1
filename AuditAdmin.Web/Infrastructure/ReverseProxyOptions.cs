using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace AuditAdmin.Web.Infrastructure;

/// <summary>
/// The proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed (section <c>ReverseProxy</c>).
/// Nothing is believed unless configured: not even from loopback, which ASP.NET Core would trust by default.
/// </summary>
internal sealed class ReverseProxyOptions
{
    public const string Section = "ReverseProxy";

    /// <summary>Addresses of trusted proxies, such as "10.0.0.5".</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, such as "10.0.0.0/8".</summary>
    public string[] KnownNetworks { get; set; } = [];

    public bool IsConfigured => KnownProxies.Length > 0 || KnownNetworks.Length > 0;

    public static ReverseProxyOptions Read(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<ReverseProxyOptions>() ?? new();

    /// <summary>The middleware's options; throws, naming the setting, for an address or network that does not parse.</summary>
    public void Apply(ForwardedHeadersOptions options)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        // A chain of trusted proxies is unwound up to the first address that is not one of them.
        options.ForwardLimit = null;
        foreach (var proxy in KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address) ? address
                : throw new InvalidOperationException($"{Section}:KnownProxies holds '{proxy}', which is not an IP address."));
        }
        foreach (var network in KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed) ? parsed
                : throw new InvalidOperationException($"{Section}:KnownNetworks holds '{network}', which is not a network in CIDR notation (such as 10.0.0.0/8)."));
        }
    }
}
