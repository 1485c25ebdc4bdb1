using System.IO.Compression;
using System.Text.Json;

namespace AuditAdmin.Tests.Features.Export;

/// <summary>
/// What an export zip holds: its entry names (in order), every JSON record of its json and ndjson files, and its CSV
/// files read back with a CSV reader.
/// </summary>
public sealed record ExportZip(IReadOnlyList<string> EntryNames, IReadOnlyList<IReadOnlyList<JsonElement>> Files, IReadOnlyList<CsvFile> CsvFiles)
{
    public IEnumerable<JsonElement> Records => Files.SelectMany(f => f);

    public IReadOnlyList<long> Ids => CsvFiles.Count > 0
        ? [.. CsvFiles.SelectMany(f => f.Ids)]
        : [.. Records.Select(r => r.GetProperty("_id").GetInt64())];

    public static async Task<ExportZip> ReadAsync(Stream stream)
    {
        var names = new List<string>();
        var files = new List<IReadOnlyList<JsonElement>>();
        var csvFiles = new List<CsvFile>();
        await using var zip = await ZipArchive.CreateAsync(stream, ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: null);
        foreach (var entry in zip.Entries)
        {
            names.Add(entry.FullName);
            await using var content = await entry.OpenAsync();
            using var bytes = new MemoryStream();
            await content.CopyToAsync(bytes);
            var format = ExportFiles.FormatOf(entry.FullName);
            if (format == "csv")
            {
                csvFiles.Add(CsvFile.Read(bytes.ToArray()));
            }
            else
            {
                files.Add(ExportFiles.JsonRecords(format, bytes.ToArray()));
            }
        }
        return new ExportZip(names, files, csvFiles);
    }

    public static async Task<ExportZip> ReadAsync(string path)
    {
        var stream = File.OpenRead(path);
        return await ReadAsync(stream);
    }
}
