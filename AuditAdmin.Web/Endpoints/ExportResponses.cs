namespace AuditAdmin.Web.Endpoints;

/// <summary>201 of POST /_api/v3/audit-log-bulk-export: the new job, or the restarted one.</summary>
internal sealed record ExportJobCreated(Guid JobId);

/// <summary>
/// 200 of POST /_api/v3/audit-log-bulk-export/estimate: the matching records (more than <paramref name="Count"/> when
/// <paramref name="CountIsLowerBound"/>) and the data files' size before zipping.
/// </summary>
internal sealed record ExportEstimateResponse(long Count, long EstimatedBytes, bool CountIsLowerBound);

/// <summary>GET /_api/v3/audit-log-bulk-export: the caller's jobs, newest first.</summary>
internal sealed record ExportJobList(IReadOnlyList<ExportJobResponse> Jobs);

/// <summary><c>args</c> of the 409: the job in progress with the same filters and format.</summary>
internal sealed record DuplicateExportArgs(DuplicateExportJob DuplicateJob);

internal sealed record DuplicateExportJob(Guid JobId, DateTime CreatedAt);
