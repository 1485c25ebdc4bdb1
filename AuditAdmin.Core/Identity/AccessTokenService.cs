using System.Security.Cryptography;
using System.Text;
using AuditAdmin.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuditAdmin.Core.Identity;

public sealed record CreatedAccessToken(long Id, string Token, DateTime ExpiresAt);

public sealed record AccessTokenInfo(long Id, string? Description, IReadOnlyList<string> Scopes, DateTime CreatedAt, DateTime ExpiresAt, DateTime? LastUsedAt);

public sealed record ValidatedAccessToken(long Id, AppUser User, IReadOnlySet<string> Scopes, DateTime? LastUsedAt);

/// <summary>The "AccessTokens" section.</summary>
public sealed class AccessTokenOptions
{
    public const string Section = "AccessTokens";

    /// <summary>The longest lifetime a new token may have, in days (a leaked token stops working at the latest then).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 3650)]
    public int MaxLifetimeDays { get; set; } = 365;
}

/// <summary>Personal access tokens: 32 random bytes shown once, stored as SHA-256, living at most <see cref="MaxLifetimeDays"/>.</summary>
public sealed class AccessTokenService(AuditAdminDbContext db, TimeProvider clock, IOptions<AccessTokenOptions> options)
{
    public const int MaxDescriptionLength = 256;

    public int MaxLifetimeDays => options.Value.MaxLifetimeDays;

    /// <summary>How stale LastUsedAt may get: at most one write per token and interval, not one per request.</summary>
    public static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    /// <summary>A token valid for <paramref name="days"/> days (1 to <see cref="MaxLifetimeDays"/>) from now.</summary>
    public Task<CreatedAccessToken> CreateForDaysAsync(string userId, IEnumerable<string> scopes, int days, string? description,
        CancellationToken cancellationToken)
    {
        if (days < 1 || days > MaxLifetimeDays)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, $"The expiry must be between 1 and {MaxLifetimeDays} days.");
        }
        return CreateAsync(userId, scopes, clock.GetUtcNow().UtcDateTime.AddDays(days), description, cancellationToken);
    }

    public async Task<CreatedAccessToken> CreateAsync(string userId, IEnumerable<string> scopes, DateTime expiresAt,
        string? description, CancellationToken cancellationToken)
    {
        var requested = scopes.ToList();
        var unknown = requested.Where(s => !Identity.Scopes.All.Contains(s)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown scope(s): {string.Join(", ", unknown)}", nameof(scopes));
        }
        if (requested.Count == 0)
        {
            throw new ArgumentException("At least one scope is required.", nameof(scopes));
        }
        if (expiresAt > clock.GetUtcNow().UtcDateTime.AddDays(MaxLifetimeDays))
        {
            throw new ArgumentOutOfRangeException(nameof(expiresAt), expiresAt, $"A token may live at most {MaxLifetimeDays} days.");
        }
        if (description?.Trim().Length > MaxDescriptionLength)
        {
            throw new ArgumentException($"The description is longer than {MaxDescriptionLength} characters.", nameof(description));
        }

        var token = "aa_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var entity = new AccessToken
        {
            UserId = userId,
            TokenHash = Hash(token),
            Scopes = string.Join(' ', Identity.Scopes.Expand(requested)),
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
            ExpiresAt = expiresAt,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.AccessTokens.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedAccessToken(entity.Id, token, entity.ExpiresAt);
    }

    /// <summary>The token's user and scopes, or null when unknown, expired, or its user is deactivated.</summary>
    public async Task<ValidatedAccessToken?> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 200)
        {
            return null;
        }
        var hash = Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var found = await db.AccessTokens.AsNoTracking().Include(t => t.User)
            .FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (found?.User is null || found.ExpiresAt <= now || !found.User.IsActive)
        {
            return null;
        }
        return new ValidatedAccessToken(found.Id, found.User, found.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(),
            found.LastUsedAt);
    }

    /// <summary>Updates LastUsedAt unless it is already within <see cref="LastUsedPrecision"/>.</summary>
    public async Task MarkUsedAsync(ValidatedAccessToken token, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var staleBefore = now - LastUsedPrecision;
        if (token.LastUsedAt is { } last && last > staleBefore)
        {
            return;
        }
        // The condition repeats in SQL so that concurrent requests write once.
        await db.AccessTokens.Where(t => t.Id == token.Id && (t.LastUsedAt == null || t.LastUsedAt < staleBefore))
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.LastUsedAt, now), cancellationToken);
    }

    public async Task<IReadOnlyList<AccessTokenInfo>> ListAsync(string userId, CancellationToken cancellationToken)
    {
        var rows = await db.AccessTokens.AsNoTracking().Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CreatedAt).ToListAsync(cancellationToken);
        return rows.Select(t => new AccessTokenInfo(t.Id, t.Description, t.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            t.CreatedAt, t.ExpiresAt, t.LastUsedAt)).ToList();
    }

    /// <summary>Deletes one of the user's tokens; false when it is not theirs or does not exist.</summary>
    public async Task<bool> RevokeAsync(string userId, long tokenId, CancellationToken cancellationToken) =>
        await db.AccessTokens.Where(t => t.Id == tokenId && t.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>Deletes every token of the user (a password reset, for instance); returns how many there were.</summary>
    public Task<int> RevokeAllAsync(string userId, CancellationToken cancellationToken) =>
        db.AccessTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
