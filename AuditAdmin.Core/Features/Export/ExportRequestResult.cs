namespace AuditAdmin.Core.Features.Export;

/// <summary>Outcome of an export request.</summary>
public abstract record ExportRequestResult
{
    private ExportRequestResult()
    {
    }

    /// <summary>A new job was created (or, with restartJob, the running duplicate was flagged for restart).</summary>
    public sealed record Accepted(Guid JobId, bool Restarted) : ExportRequestResult;

    /// <summary>The same export is already in progress for this user.</summary>
    public sealed record Duplicate(Guid JobId, DateTime CreatedAt) : ExportRequestResult;
}
