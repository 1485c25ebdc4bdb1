using System.IO.Compression;
using AuditAdmin.Core.Features.Storage;

namespace AuditAdmin.Core.Features.Export;

/// <summary>
/// The uploading stage: zips the job's JSON files (at the archive root, deflate at CompressionLevel.Optimal, which is
/// zlib level 6 as in GROWI and `zip -6`) straight into storage, then stores the attachment and completes the job in
/// one transaction. The zip is never held in memory, and a stored zip whose job moved on is deleted again.
/// </summary>
public sealed class ZipUploader(IFileStorage storage, ExportWorkDirectory work, ExportJobStore store, TimeProvider clock)
{
    public const string StoragePrefix = "audit-log-bulk-export";

    /// <summary>The completed job's attachment, or null when the job changed meanwhile (nothing is kept then).</summary>
    public async Task<Attachment?> UploadAsync(AuditLogBulkExportJob job, CancellationToken cancellationToken)
    {
        var files = work.ListFiles(job.Id);
        if (files.Count == 0)
        {
            throw new InvalidOperationException($"Export job {job.Id} has no files to upload.");
        }

        var attachmentId = Guid.CreateVersion7(clock.GetUtcNow());
        var key = $"{StoragePrefix}/{attachmentId:N}.zip";
        long size;
        await using (var target = await storage.OpenWriteAsync(key, cancellationToken))
        {
            await WriteZipAsync(files, target.Stream, cancellationToken);
            size = await target.CommitAsync(cancellationToken);
        }

        var attachment = new Attachment
        {
            Id = attachmentId,
            CreatorId = job.UserId,
            FileName = key,
            OriginalName = $"audit-logs-{job.FilterHash}.zip",
            FileFormat = "zip",
            FileSize = size,
            AttachmentType = AttachmentTypes.AuditLogBulkExport,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var completed = false;
        try
        {
            completed = await store.CompleteAsync(job.Id, attachment, cancellationToken);
        }
        finally
        {
            if (!completed)
            {
                await storage.DeleteAsync(key, CancellationToken.None);
            }
        }
        return completed ? attachment : null;
    }

    private static async Task WriteZipAsync(IReadOnlyList<(int Index, string Path)> files, Stream destination, CancellationToken cancellationToken)
    {
        await using var zip = await ZipArchive.CreateAsync(destination, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken);
        foreach (var (_, path) in files)
        {
            var entry = zip.CreateEntry(Path.GetFileName(path), CompressionLevel.Optimal);
            entry.LastWriteTime = File.GetLastWriteTimeUtc(path);
            await using var output = await entry.OpenAsync(cancellationToken);
            await using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 128 * 1024,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
            await input.CopyToAsync(output, 128 * 1024, cancellationToken);
        }
    }
}
