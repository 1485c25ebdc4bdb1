using System.Text.Encodings.Web;
using System.Text.Json;
using AuditAdmin.Core.Features.Export.Sources;

namespace AuditAdmin.Core.Features.Export.Formats;

/// <summary>One exported record as a JSON object, as the JSON and NDJSON formats write it.</summary>
internal static class JsonRecord
{
    /// <summary>
    /// A data file, not HTML: only what JSON requires is escaped, so names in any script stay readable, as in the
    /// JSON.stringify output of GROWI's export.
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonEncodedText[] Names = [.. ExportRecordFields.All.Select(f => JsonEncodedText.Encode(f.Name, WriterOptions.Encoder))];

    public static void Write(Utf8JsonWriter writer, IExportRow row)
    {
        var fields = ExportRecordFields.All;
        Span<byte> timestamp = stackalloc byte[IExportRow.TimestampLength];
        writer.WriteStartObject();
        for (var i = 0; i < fields.Length; i++)
        {
            var (_, column, kind) = fields[i];
            switch (kind)
            {
                case ExportFieldKind.Id:
                    writer.WriteNumber(Names[i], row.Id);
                    break;
                case ExportFieldKind.IngestedText when !ExportRecordFields.IsIngested(row):
                    break;
                case ExportFieldKind.Text or ExportFieldKind.IngestedText when row.TryGetText(column, out var text):
                    writer.WriteString(Names[i], text);
                    break;
                case ExportFieldKind.Text or ExportFieldKind.IngestedText:
                    writer.WriteNull(Names[i]);
                    break;
                case ExportFieldKind.Snapshot:
                    writer.WritePropertyName(Names[i]);
                    JsonSnapshot.Write(writer, row.TryGetText(column, out var snapshot) ? snapshot : default);
                    break;
                case ExportFieldKind.Timestamp:
                    writer.WriteString(Names[i], timestamp[..row.FormatTimestamp(column, timestamp)]);
                    break;
            }
        }
        writer.WriteEndObject();
    }
}
