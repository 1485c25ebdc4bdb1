using System.Globalization;
using System.Text.Json;

namespace AuditAdmin.Core.Features.Export.Pipeline;

/// <summary>
/// What one committed data file holds, for the manifest: kept next to the job's files (stats/NN.json), written and
/// made durable before the data file takes its final name, so a resumed export knows it without reading the file.
/// </summary>
internal sealed record ExportFileStats(long Records, long? FirstId, long? LastId)
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
            JsonSerializer.Serialize(stream, this);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>The stats saved at <paramref name="path"/>; null when there are none (or they cannot be read).</summary>
    public static ExportFileStats? Load(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<ExportFileStats>(File.ReadAllBytes(path)) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
