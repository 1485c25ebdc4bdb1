using System.IO.Compression;
using System.Text.Json;
using AuditAdmin.Core.Features.Export.Bundle;

namespace AuditAdmin.Tests.TestInfrastructure;

/// <summary>
/// What an export zip holds: its data files' names (in order), every JSON record of its json and ndjson files, its CSV
/// files read back with a CSV reader, then the bundle files (manifest.json, manifest.p7s, VERIFY.md) by name.
/// </summary>
public sealed record ExportZip(IReadOnlyList<string> EntryNames, IReadOnlyList<IReadOnlyList<JsonElement>> Files, IReadOnlyList<CsvFile> CsvFiles,
    IReadOnlyDictionary<string, byte[]> BundleFiles, IReadOnlyList<string> AllEntryNames)
{
    private static readonly string[] BundleNames = [ExportManifest.FileName, ExportManifest.SignatureFileName, ExportManifest.GuideFileName];

    public IEnumerable<JsonElement> Records => Files.SelectMany(f => f);

    public IReadOnlyList<long> Ids => CsvFiles.Count > 0
        ? [.. CsvFiles.SelectMany(f => f.Ids)]
        : [.. Records.Select(r => r.GetProperty("_id").GetInt64())];

    public ExportManifest Manifest => ExportManifest.TryParse(BundleFiles[ExportManifest.FileName])
        ?? throw new InvalidOperationException("manifest.json is not a manifest.");

    public static async Task<ExportZip> ReadAsync(Stream stream)
    {
        var names = new List<string>();
        var all = new List<string>();
        var files = new List<IReadOnlyList<JsonElement>>();
        var csvFiles = new List<CsvFile>();
        var bundle = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        await using var zip = await ZipArchive.CreateAsync(stream, ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: null);
        foreach (var entry in zip.Entries)
        {
            all.Add(entry.FullName);
            await using var content = await entry.OpenAsync();
            using var bytes = new MemoryStream();
            await content.CopyToAsync(bytes);
            if (BundleNames.Contains(entry.FullName))
            {
                bundle[entry.FullName] = bytes.ToArray();
                continue;
            }
            names.Add(entry.FullName);
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
        return new ExportZip(names, files, csvFiles, bundle, all);
    }

    public static async Task<ExportZip> ReadAsync(string path)
    {
        var stream = File.OpenRead(path);
        return await ReadAsync(stream);
    }
}
