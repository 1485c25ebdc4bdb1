using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;

namespace AuditAdmin.Core.Features.Export.Formats;

/// <summary>
/// Reads a data file back as its format wrote it, for the bundle's verification: how many records it holds and the
/// first and last record ids. JSON: the array's objects; NDJSON: one object a line; CSV: the records after the header,
/// whose first column is the id.
/// </summary>
internal static class ExportFileRecords
{
    /// <returns>(-1, null, null) when the file cannot be read as that format.</returns>
    public static async Task<(long Records, long? FirstId, long? LastId)> CountAsync(Stream stream, string format,
        CancellationToken cancellationToken)
    {
        try
        {
            return format switch
            {
                ExportFormatNames.Json => await CountJsonAsync(stream, cancellationToken),
                ExportFormatNames.Ndjson => await CountNdjsonAsync(stream, cancellationToken),
                ExportFormatNames.Csv => await CountCsvAsync(stream, cancellationToken),
                _ => (-1, null, null),
            };
        }
        catch (Exception ex) when (ex is JsonException or FormatException or OverflowException or InvalidDataException or CsvFormatException)
        {
            return (-1, null, null);
        }
    }

    private static async Task<(long, long?, long?)> CountJsonAsync(Stream stream, CancellationToken cancellationToken)
    {
        long records = 0;
        long? first = null, last = null;
        await foreach (var record in JsonSerializer.DeserializeAsyncEnumerable<RecordId>(stream, cancellationToken: cancellationToken))
        {
            records++;
            first ??= record?.Id;
            last = record?.Id;
        }
        return (records, first, last);
    }

    private static async Task<(long, long?, long?)> CountNdjsonAsync(Stream stream, CancellationToken cancellationToken)
    {
        long records = 0;
        long? first = null, last = null;
        using var reader = new StreamReader(stream, leaveOpen: true);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }
            var id = JsonSerializer.Deserialize<RecordId>(line)?.Id ?? throw new JsonException("A line is not a record.");
            records++;
            first ??= id;
            last = id;
        }
        return (records, first, last);
    }

    private static async Task<(long, long?, long?)> CountCsvAsync(Stream stream, CancellationToken cancellationToken)
    {
        long records = 0;
        long? first = null, last = null;
        await using var reader = CsvReader.Create(stream, CsvReaderOptions.Default with { Separator = ',' }, leaveOpen: true);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = long.Parse(reader.GetString(0), NumberStyles.None, CultureInfo.InvariantCulture);
            records++;
            first ??= id;
            last = id;
        }
        return (records, first, last);
    }

    private sealed record RecordId([property: JsonPropertyName("_id"), JsonRequired] long Id);
}
