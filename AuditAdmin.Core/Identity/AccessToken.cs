namespace AuditAdmin.Core.Identity;

/// <summary>A personal access token. Only the SHA-256 of the token is stored; the token is shown once.</summary>
public sealed class AccessToken
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public AppUser? User { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token text.</summary>
    public required string TokenHash { get; set; }

    /// <summary>Expanded scopes, space separated.</summary>
    public required string Scopes { get; set; }

    public string? Description { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
}
