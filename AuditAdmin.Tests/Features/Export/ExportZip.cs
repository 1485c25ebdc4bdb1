using System.IO.Compression;
using System.Text.Json;
using AuditAdmin.Core.Features.Export.Bundle;

namespace AuditAdmin.Tests.Features.Export;

/// <summary>
/// What an export zip holds: its data files' names (in order) and every record of every file, then the bundle files
/// (manifest.json, manifest.p7s, VERIFY.md) by name.
/// </summary>
public sealed record ExportZip(IReadOnlyList<string> EntryNames, IReadOnlyList<IReadOnlyList<JsonElement>> Files,
    IReadOnlyDictionary<string, byte[]> BundleFiles, IReadOnlyList<string> AllEntryNames)
{
    private static readonly string[] BundleNames = [ExportManifest.FileName, ExportManifest.SignatureFileName, ExportManifest.GuideFileName];

    public IEnumerable<JsonElement> Records => Files.SelectMany(f => f);

    public IReadOnlyList<long> Ids => Records.Select(r => r.GetProperty("_id").GetInt64()).ToList();

    public ExportManifest Manifest => ExportManifest.TryParse(BundleFiles[ExportManifest.FileName])
        ?? throw new InvalidOperationException("manifest.json is not a manifest.");

    public static async Task<ExportZip> ReadAsync(Stream stream)
    {
        var names = new List<string>();
        var all = new List<string>();
        var files = new List<IReadOnlyList<JsonElement>>();
        var bundle = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        await using var zip = await ZipArchive.CreateAsync(stream, ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: null);
        foreach (var entry in zip.Entries)
        {
            all.Add(entry.FullName);
            await using var content = await entry.OpenAsync();
            if (BundleNames.Contains(entry.FullName))
            {
                using var buffer = new MemoryStream();
                await content.CopyToAsync(buffer);
                bundle[entry.FullName] = buffer.ToArray();
                continue;
            }
            names.Add(entry.FullName);
            using var document = await JsonDocument.ParseAsync(content);
            files.Add(document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList());
        }
        return new ExportZip(names, files, bundle, all);
    }

    public static async Task<ExportZip> ReadAsync(string path)
    {
        var stream = File.OpenRead(path);
        return await ReadAsync(stream);
    }
}
