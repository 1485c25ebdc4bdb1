using System.IO.Compression;
using AuditAdmin.Core.Features.Export;
using AuditAdmin.Core.Features.Export.Pipeline;
using AuditAdmin.Core.Features.Notifications;
using AuditAdmin.Core.Features.Storage;
using AuditAdmin.Core.Identity;

namespace AuditAdmin.Tests.TestInfrastructure;

/// <summary>Drives the real pipeline classes of an <see cref="ExportTestHost"/> for one user.</summary>
public sealed class ExportPipeline(ExportTestHost host, AppUser owner)
{
    public AppUser Owner => owner;

    public async Task<Guid> RequestAsync(ExportFilters? filters = null)
    {
        var result = await host.Get<ExportService>().RequestAsync(owner.Id, filters ?? new ExportFilters(), false, CancellationToken.None);
        return Assert.IsType<ExportRequestResult.Accepted>(result).JobId;
    }

    public Task RunAsync(Guid jobId) => host.Get<ExportRunner>().RunAsync(jobId, CancellationToken.None);

    public async Task<ExportZip> ZipAsync(Guid jobId)
    {
        var job = await host.JobAsync(jobId);
        var attachment = (await host.QueryAsync(db => db.Attachments.Where(a => a.Id == job.AttachmentId))).Single();
        var stream = await host.Get<IFileStorage>().OpenReadAsync(attachment.FileName, CancellationToken.None)
            ?? throw new InvalidOperationException("The zip is not in storage.");
        return await ExportZip.ReadAsync(stream);
    }

    /// <summary>Every entry of the job's zip, as stored: (name, bytes), in order.</summary>
    public async Task<List<(string Name, byte[] Bytes)>> ZipEntriesAsync(Guid jobId)
    {
        var job = await host.JobAsync(jobId);
        var attachment = (await host.QueryAsync(db => db.Attachments.Where(a => a.Id == job.AttachmentId))).Single();
        await using var stream = await host.Get<IFileStorage>().OpenReadAsync(attachment.FileName, CancellationToken.None)
            ?? throw new InvalidOperationException("The zip is not in storage.");
        await using var zip = await ZipArchive.CreateAsync(stream, ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: null);
        var entries = new List<(string, byte[])>();
        // The data files only: the bundle files name the job and the moment, which differ by design.
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("audit-logs-", StringComparison.Ordinal)))
        {
            await using var content = await entry.OpenAsync();
            using var bytes = new MemoryStream();
            await content.CopyToAsync(bytes);
            entries.Add((entry.FullName, bytes.ToArray()));
        }
        return entries;
    }

    public string WorkFolder(Guid jobId) => host.Get<ExportWorkDirectory>().For(jobId);

    /// <summary>Records the job's status each time the owner's pages are told something changed.</summary>
    public IDisposable WatchStatuses(Guid? jobId, List<string> statuses, Func<AuditLogBulkExportJob, Task>? onChange = null) =>
        host.Get<NotificationBroadcaster>().Subscribe(owner.Id, async () =>
        {
            var jobs = await host.QueryAsync(db => db.AuditLogBulkExportJobs.Where(j => j.UserId == owner.Id && (jobId == null || j.Id == jobId)));
            foreach (var job in jobs)
            {
                if (statuses.Count == 0 || statuses[^1] != job.Status)
                {
                    statuses.Add(job.Status);
                }
                if (onChange is not null)
                {
                    await onChange(job);
                }
            }
        });
}
