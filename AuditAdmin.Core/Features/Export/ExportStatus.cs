namespace AuditAdmin.Core.Features.Export;

/// <summary>Job statuses, stored as GROWI spells them.</summary>
public static class ExportStatus
{
    public const string Exporting = "exporting";
    public const string Uploading = "uploading";
    public const string Completed = "completed";
    public const string Failed = "failed";

    /// <summary>Stopped by its owner (DELETE); its files are gone.</summary>
    public const string Cancelled = "cancelled";

    public static readonly IReadOnlyList<string> InProgress = [Exporting, Uploading];

    public static bool IsInProgress(string status) => status is Exporting or Uploading;
}
