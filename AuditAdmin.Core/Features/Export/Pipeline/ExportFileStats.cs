using System.Globalization;
using System.Text.Json;

namespace AuditAdmin.Core.Features.Export.Pipeline;

/// <summary>
/// What one committed data file holds, for the manifest (records, first and last id, size and SHA-256 as written):
/// kept next to the job's files (stats/NN.json), written before the data file takes its final name, so a resumed
/// export knows it without reading the file.
/// </summary>
internal sealed record ExportFileStats(long Records, long? FirstId, long? LastId, long Bytes, string? Sha256)
{
    public const string Folder = "stats";

    public static string PathFor(string jobDirectory, int index) =>
        Path.Combine(jobDirectory, Folder, index.ToString("00", CultureInfo.InvariantCulture) + ".json");

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ExportWorkDirectory.TempSuffix;
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            // Not forced to disk: only a machine crash can lose it (a process crash cannot), and then the resume finds
            // the data file without readable stats and starts the export over. One fsync per file fewer.
            JsonSerializer.Serialize(stream, this);
        }
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>
    /// The stats saved at <paramref name="path"/>; null when there are none, they cannot be read, or they were saved by
    /// a version that did not hash the file as it wrote it.
    /// </summary>
    public static ExportFileStats? Load(string path)
    {
        try
        {
            return File.Exists(path) && JsonSerializer.Deserialize<ExportFileStats>(File.ReadAllBytes(path)) is { Sha256.Length: 64 } stats
                ? stats
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
