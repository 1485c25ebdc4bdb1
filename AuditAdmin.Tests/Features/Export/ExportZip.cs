using System.IO.Compression;
using System.Text.Json;

namespace AuditAdmin.Tests.Features.Export;

/// <summary>What an export zip holds: its entry names (in order) and every record of every file.</summary>
public sealed record ExportZip(IReadOnlyList<string> EntryNames, IReadOnlyList<IReadOnlyList<JsonElement>> Files)
{
    public IEnumerable<JsonElement> Records => Files.SelectMany(f => f);

    public IReadOnlyList<long> Ids => Records.Select(r => r.GetProperty("_id").GetInt64()).ToList();

    public static async Task<ExportZip> ReadAsync(Stream stream)
    {
        var names = new List<string>();
        var files = new List<IReadOnlyList<JsonElement>>();
        await using var zip = await ZipArchive.CreateAsync(stream, ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: null);
        foreach (var entry in zip.Entries)
        {
            names.Add(entry.FullName);
            await using var content = await entry.OpenAsync();
            using var document = await JsonDocument.ParseAsync(content);
            files.Add(document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList());
        }
        return new ExportZip(names, files);
    }

    public static async Task<ExportZip> ReadAsync(string path)
    {
        var stream = File.OpenRead(path);
        return await ReadAsync(stream);
    }
}
