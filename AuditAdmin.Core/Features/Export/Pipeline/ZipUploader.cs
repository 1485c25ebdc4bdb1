using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Export.Bundle;
using AuditAdmin.Core.Features.Storage;

namespace AuditAdmin.Core.Features.Export.Pipeline;

/// <summary>
/// The uploading stage: the job's data files, zipped at the archive root, then the bundle files (manifest, signature,
/// guide), go straight into storage (never held in memory); then the attachment, with the zip's SHA-256, is stored and
/// the job completed, with the owner's notice, in one transaction. Normally the zip was built while the files were written (<see cref="StartAsync"/>);
/// a job found uploading after a restart is zipped from its files. A stored zip whose job moved on meanwhile is deleted again.
/// </summary>
internal sealed class ZipUploader(IFileStorage storage, ExportWorkDirectory work, ExportJobTransitions transitions, ExportBundle bundle,
    ExportNotifier notifier, TimeProvider clock)
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

        var zip = streamed is not null && streamed.Entries.SequenceEqual(files.Select(f => Path.GetFileName(f.Path)))
            ? streamed
            : null;
        await using var rebuilt = zip is null ? await StartAsync(cancellationToken) : null;
        if (rebuilt is not null)
        {
            foreach (var (_, path) in files)
            {
                rebuilt.Add(path);
            }
            zip = rebuilt;
        }
        await zip!.DataFilesAsync(cancellationToken);
        var directory = work.For(job.Id);
        var bundleFiles = await bundle.CreateAsync(job,
            [.. files.Select(f => (Path.GetFileName(f.Path), ExportFileStats.Load(ExportFileStats.PathFor(directory, f.Index))))],
            cancellationToken);
        await zip.FinishAsync(bundleFiles, cancellationToken);
        var size = await zip.CommitAsync(cancellationToken);

        var attachment = new Attachment
        {
            Id = zip.AttachmentId,
            CreatorId = job.UserId,
            FileName = KeyOf(zip.AttachmentId),
            OriginalName = $"audit-logs-{job.FilterHash}.zip",
            FileFormat = "zip",
            FileSize = size,
            Sha256 = zip.Sha256,
            AttachmentType = AttachmentTypes.AuditLogBulkExport,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var completed = false;
        try
        {
            completed = await transitions.CompleteAsync(job.Id, attachment,
                await notifier.NoticeAsync(job, SupportedActions.AuditLogBulkExportCompleted, cancellationToken), cancellationToken);
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
