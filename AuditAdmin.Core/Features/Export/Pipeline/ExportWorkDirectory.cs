using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuditAdmin.Core.Features.Export.Pipeline;

/// <summary>The per-job folders in which exports write their data files before they are zipped.</summary>
internal sealed class ExportWorkDirectory(IOptions<ExportOptions> options, ILogger<ExportWorkDirectory> logger)
{
    public const string TempSuffix = ".tmp";

    public string Root { get; } = options.Value.WorkDirectory
        ?? throw new InvalidOperationException("Export:WorkDirectory is not resolved.");

    public string For(Guid jobId) => Path.Combine(Root, jobId.ToString("N"));

    private static string FilePrefix(Guid jobId) => $"audit-logs-{jobId}-";

    /// <summary>"audit-logs-&lt;jobId&gt;-&lt;NN&gt;.&lt;extension&gt;": NN is the file's index, at least two digits.</summary>
    public static string FileName(Guid jobId, int index, string extension) =>
        $"{FilePrefix(jobId)}{index.ToString("00", CultureInfo.InvariantCulture)}.{extension}";

    /// <summary>The job's finished data files (not temporary ones), whatever their format, by index.</summary>
    public IReadOnlyList<(int Index, string Path)> ListFiles(Guid jobId)
    {
        var dir = For(jobId);
        if (!Directory.Exists(dir))
        {
            return [];
        }
        var prefix = FilePrefix(jobId);
        var files = new List<(int, string)>();
        foreach (var path in Directory.EnumerateFiles(dir, prefix + "*"))
        {
            var name = Path.GetFileName(path);
            var dot = name.IndexOf('.', prefix.Length);
            if (dot < 0 || dot == name.Length - 1 || name.EndsWith(TempSuffix, StringComparison.Ordinal))
            {
                continue;
            }
            var number = name[prefix.Length..dot];
            if (number.Length >= 2 && number.All(char.IsAsciiDigit)
                && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                files.Add((index, path));
            }
        }
        files.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return files;
    }

    /// <summary>Removes files that a crash left half-written.</summary>
    public void DeleteTemporaryFiles(Guid jobId)
    {
        var dir = For(jobId);
        if (Directory.Exists(dir))
        {
            foreach (var path in Directory.EnumerateFiles(dir, "*" + TempSuffix, SearchOption.AllDirectories))
            {
                File.Delete(path);
            }
        }
    }

    public void Delete(Guid jobId)
    {
        var dir = For(jobId);
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// Deletes the job's folder unless a file in it is still held open (a run of the job may be finishing on another
    /// thread or node); the cleanup removes folders left without a job later. False when it could not.
    /// </summary>
    public bool TryDelete(Guid jobId)
    {
        try
        {
            Delete(jobId);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "Could not delete the work folder of export job {JobId} yet; the cleanup will", jobId);
            return false;
        }
    }

    /// <summary>Job folders present on disk (for removing the ones whose job is gone).</summary>
    public IEnumerable<Guid> ListJobFolders() =>
        !Directory.Exists(Root)
            ? []
            : Directory.EnumerateDirectories(Root)
                .Select(Path.GetFileName)
                .Select(n => Guid.TryParseExact(n, "N", out var id) ? id : Guid.Empty)
                .Where(id => id != Guid.Empty);
}
