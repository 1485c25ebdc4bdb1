using System.Text;
using System.Text.Json;
using CsvHelper;

namespace AuditAdmin.Tests.TestInfrastructure;

/// <summary>A CSV data file read back with CsvHelper's reader: the header row, then each record's fields.</summary>
public sealed record CsvFile(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, bool HasByteOrderMark)
{
    public IReadOnlyList<long> Ids => [.. Rows.Select(r => long.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture))];

    public static CsvFile Read(byte[] bytes)
    {
        using var reader = CsvReader.Create(bytes, CsvReaderOptions.Default with { Separator = ',' });
        var rows = new List<IReadOnlyList<string>>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        }
        return new CsvFile([.. reader.Headers], rows, bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble));
    }
}

/// <summary>Reads the records of a data file in any export format.</summary>
public static class ExportFiles
{
    /// <summary>The JSON records of a json or ndjson file.</summary>
    public static IReadOnlyList<JsonElement> JsonRecords(string format, byte[] bytes) => format switch
    {
        "json" => [.. JsonDocument.Parse(bytes).RootElement.EnumerateArray().Select(e => e.Clone())],
        "ndjson" => [.. NdjsonLines(bytes).Select(line => JsonDocument.Parse(line).RootElement.Clone())],
        _ => throw new ArgumentException($"{format} files hold no JSON records.", nameof(format)),
    };

    /// <summary>The records' ids in file order, whatever the format.</summary>
    public static IReadOnlyList<long> Ids(string format, byte[] bytes) => format == "csv"
        ? CsvFile.Read(bytes).Ids
        : [.. JsonRecords(format, bytes).Select(r => r.GetProperty("_id").GetInt64())];

    /// <summary>Each line of an NDJSON file; every line, the last included, must end with LF.</summary>
    public static IEnumerable<string> NdjsonLines(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        Assert.True(text.Length == 0 || text.EndsWith('\n'), "An NDJSON file ends with a line feed.");
        return text.Length == 0 ? [] : text[..^1].Split('\n');
    }

    /// <summary>The format whose file extension the name has.</summary>
    public static string FormatOf(string fileName) => Path.GetExtension(fileName).TrimStart('.');
}
