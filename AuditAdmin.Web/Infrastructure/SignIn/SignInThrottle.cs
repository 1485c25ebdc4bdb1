using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace AuditAdmin.Web.Infrastructure.SignIn;

/// <summary>
/// Admits a sign-in attempt while its client address and its username are both within their limits. The check comes
/// before any user lookup or password work, so a refusal costs the same whether the name exists or not.
/// </summary>
internal sealed class SignInThrottle : IDisposable
{
    private const int SegmentsPerWindow = 10;

    private readonly PartitionedRateLimiter<string> _byAddress;
    private readonly PartitionedRateLimiter<string> _byUsername;

    public SignInThrottle(IOptions<SignInOptions> options)
    {
        var o = options.Value;
        _byAddress = Create(o.PermitsPerAddress, o.Window);
        _byUsername = Create(o.PermitsPerUsername, o.Window);
        RetryAfter = o.Window / SegmentsPerWindow;
    }

    /// <summary>How long a refused client should wait before the window frees a permit (a segment of it).</summary>
    public TimeSpan RetryAfter { get; }

    public bool TryAdmit(IPAddress? address, string? username)
    {
        using var addressLease = _byAddress.AttemptAcquire(address?.ToString() ?? "");
        if (!addressLease.IsAcquired)
        {
            return false;
        }
        using var usernameLease = _byUsername.AttemptAcquire(UsernameKey(username));
        return usernameLease.IsAcquired;
    }

    /// <summary>Identity compares names case-insensitively: so does the limit.</summary>
    private static string UsernameKey(string? username) => (username ?? "").Trim().ToUpperInvariant();

    private static PartitionedRateLimiter<string> Create(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key,
            _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = window,
                SegmentsPerWindow = SegmentsPerWindow,
                QueueLimit = 0,
            }), StringComparer.Ordinal);

    public void Dispose()
    {
        _byAddress.Dispose();
        _byUsername.Dispose();
    }
}
