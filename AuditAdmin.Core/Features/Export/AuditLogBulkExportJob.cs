namespace AuditAdmin.Core.Features.Export;

/// <summary>An audit-log export requested by one admin, driven through its statuses by the pipeline.</summary>
public sealed class AuditLogBulkExportJob
{
    /// <summary>Guid v7: not guessable, and sorts by creation.</summary>
    public Guid Id { get; set; }

    /// <summary>The requester; the only user who may read the job or download its zip.</summary>
    public required string UserId { get; set; }

    /// <summary>Canonical filters as JSON (usernames, actions, dateFrom, dateTo).</summary>
    public required string Filters { get; set; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Filters"/>.</summary>
    public required string FilterHash { get; set; }

    public string Format { get; set; } = ExportFormatNames.Json;
    public string Status { get; set; } = ExportStatus.Exporting;

    /// <summary>
    /// The highest activity id when the job was created or restarted: the export holds exactly the matching activities
    /// with an id at or below it, whatever is recorded meanwhile (its own request included).
    /// </summary>
    public long AsOfActivityId { get; set; }

    /// <summary>When <see cref="AsOfActivityId"/> was taken (UTC).</summary>
    public DateTime AsOfAt { get; set; }

    /// <summary>Matching activities counted with the boundary, for progress; null when not counted.</summary>
    public long? EstimatedTotal { get; set; }

    /// <summary>Id of the last activity written to a flushed file; the resume point.</summary>
    public long LastExportedId { get; set; }

    public long TotalExportedCount { get; set; }

    /// <summary>
    /// Finished files saved together with <see cref="LastExportedId"/>: a file numbered this or higher was written by
    /// a run that stopped before saving it, and is written again on resume.
    /// </summary>
    public int ExportedFileCount { get; set; }

    public bool RestartFlag { get; set; }
    public Guid? AttachmentId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
}
