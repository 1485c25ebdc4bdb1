namespace AuditAdmin.Core.Features.Storage;

/// <summary>A stored file that a user can download, such as an export zip.</summary>
public sealed class Attachment
{
    public Guid Id { get; set; }
    public required string CreatorId { get; set; }

    /// <summary>Storage key inside the file store.</summary>
    public required string FileName { get; set; }

    /// <summary>Name offered to the browser, e.g. audit-logs-&lt;filterHash&gt;.zip.</summary>
    public required string OriginalName { get; set; }

    public required string FileFormat { get; set; }
    public long FileSize { get; set; }

    /// <summary>Lower-case hex SHA-256 of the stored file, as it was written.</summary>
    public string? Sha256 { get; set; }
    public required string AttachmentType { get; set; }
    public DateTime CreatedAt { get; set; }
}

public static class AttachmentTypes
{
    public const string AuditLogBulkExport = "AUDIT_LOG_BULK_EXPORT";
}
