using AuditAdmin.Core.Features.Storage;

namespace AuditAdmin.Core.Features.Export.Pipeline;

/// <summary>
/// The uploading stage: the job's data files, zipped at the archive root, go straight into storage (never held in
/// memory), then the attachment is stored and the job completed in one transaction. Normally the zip was built while
/// the files were written (<see cref="StartAsync"/>); a job found uploading after a restart is zipped from its files.
/// A stored zip whose job moved on meanwhile is deleted again.
/// </summary>
internal sealed class ZipUploader(IFileStorage storage, ExportWorkDirectory work, ExportJobTransitions transitions, TimeProvider clock)
{
    public const string StoragePrefix = "audit-log-bulk-export";

    /// <summary>Starts the zip that the exporting stage feeds file by file.</summary>
    public Task<StreamingZip> StartAsync(CancellationToken cancellationToken)
    {
        var attachmentId = Guid.CreateVersion7(clock.GetUtcNow());
        return StreamingZip.StartAsync(storage, KeyOf(attachmentId), attachmentId, cancellationToken);
    }

    /// <summary>The completed job's attachment, or null when the job changed meanwhile (nothing is kept then).</summary>
    public async Task<Attachment?> UploadAsync(AuditLogBulkExportJob job, StreamingZip? streamed, CancellationToken cancellationToken)
    {
        var files = work.ListFiles(job.Id);
        if (files.Count == 0)
        {
            throw new InvalidOperationException($"Export job {job.Id} has no files to upload.");
        }

        Guid attachmentId;
        long size;
        if (streamed is not null && streamed.Entries.SequenceEqual(files.Select(f => Path.GetFileName(f.Path))))
        {
            await streamed.FinishAsync(cancellationToken);
            size = await streamed.CommitAsync(cancellationToken);
            attachmentId = streamed.AttachmentId;
        }
        else
        {
            attachmentId = Guid.CreateVersion7(clock.GetUtcNow());
            await using var target = await storage.OpenWriteAsync(KeyOf(attachmentId), cancellationToken);
            await StreamingZip.WriteAllAsync(files.Select(f => f.Path), target.Stream, cancellationToken);
            size = await target.CommitAsync(cancellationToken);
        }

        var attachment = new Attachment
        {
            Id = attachmentId,
            CreatorId = job.UserId,
            FileName = KeyOf(attachmentId),
            OriginalName = $"audit-logs-{job.FilterHash}.zip",
            FileFormat = "zip",
            FileSize = size,
            AttachmentType = AttachmentTypes.AuditLogBulkExport,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var completed = false;
        try
        {
            completed = await transitions.CompleteAsync(job.Id, attachment, cancellationToken);
        }
        finally
        {
            if (!completed)
            {
                await storage.DeleteAsync(attachment.FileName, CancellationToken.None);
            }
        }
        return completed ? attachment : null;
    }

    private static string KeyOf(Guid attachmentId) => $"{StoragePrefix}/{attachmentId:N}.zip";
}
