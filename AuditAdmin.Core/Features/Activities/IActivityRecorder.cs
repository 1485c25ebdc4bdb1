namespace AuditAdmin.Core.Features.Activities;

/// <summary>What the application knows about an event it records.</summary>
public sealed record ActivityEntry(string Action)
{
    public string? UserId { get; init; }
    public string? Username { get; init; }
    public string? TargetModel { get; init; }
    public string? Target { get; init; }
    public string? Ip { get; init; }
    public string? Endpoint { get; init; }

    /// <summary>Extra snapshot fields besides the username (kept small).</summary>
    public IReadOnlyDictionary<string, string?>? Snapshot { get; init; }
}

/// <summary>
/// Records the application's own events. Stores only available actions and never throws:
/// a failure to record must not break the request that triggered it.
/// </summary>
public interface IActivityRecorder
{
    Task RecordAsync(ActivityEntry entry, CancellationToken cancellationToken = default);
}
