using System.IO.Compression;
using System.Security.Cryptography;
using AuditAdmin.Core.Features.Export;
using AuditAdmin.Core.Features.Storage;

namespace AuditAdmin.Tests.TestInfrastructure;

/// <summary>
/// One real export (25 records, 10 a file) by a French-speaking user in Tokyo, with activities recorded after its
/// request; its zip's bytes, and ways to tamper with them.
/// </summary>
public sealed class BundleFixture : IAsyncLifetime
{
    public ExportTestHost Host { get; private set; } = default!;
    public AuditLogBulkExportJob Job { get; private set; } = default!;
    public byte[] Zip { get; private set; } = [];
    public List<long> SeededIds { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        Host = await ExportTestHost.CreateAsync();
        var owner = await Host.CreateUserAsync("jeanne");
        await Host.ExecuteAsync(async db =>
        {
            var user = await db.Users.FindAsync(owner.Id);
            user!.Language = "fr";
            user.TimeZone = "Asia/Tokyo";
            await db.SaveChangesAsync();
        });
        await ActivitySeed.InsertAsync(Host.DbFactory, ActivitySeed.Rows(25));
        SeededIds = await Host.QueryAsync(db => db.Activities.OrderBy(a => a.Id).Select(a => a.Id));
        var pipeline = new ExportPipeline(Host, owner);
        var jobId = await pipeline.RequestAsync();
        // Recorded after the request: never in its export.
        await ActivitySeed.InsertAsync(Host.DbFactory, ActivitySeed.Rows(3, usernames: ["late"]));
        await pipeline.RunAsync(jobId);
        Job = await Host.JobAsync(jobId);
        var attachment = (await Host.QueryAsync(db => db.Attachments.Where(a => a.Id == Job.AttachmentId))).Single();
        await using var stream = await Host.Get<IFileStorage>().OpenReadAsync(attachment.FileName, CancellationToken.None);
        using var buffer = new MemoryStream();
        await stream!.CopyToAsync(buffer);
        Zip = buffer.ToArray();
        Assert.Equal(attachment.Sha256, Convert.ToHexStringLower(SHA256.HashData(Zip)));
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();

    public Task<ExportZip> ReadAsync() => ExportZip.ReadAsync(new MemoryStream(Zip));

    /// <summary>A copy of the zip changed by <paramref name="change"/> (entries by name → content; null removes).</summary>
    public byte[] Tampered(Action<Dictionary<string, byte[]>> change)
    {
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using (var source = new ZipArchive(new MemoryStream(Zip), ZipArchiveMode.Read))
        {
            foreach (var entry in source.Entries)
            {
                using var content = entry.Open();
                using var copy = new MemoryStream();
                content.CopyTo(copy);
                entries[entry.FullName] = copy.ToArray();
            }
        }
        change(entries);
        using var output = new MemoryStream();
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = target.CreateEntry(name).Open();
                stream.Write(content);
            }
        }
        return output.ToArray();
    }
}
