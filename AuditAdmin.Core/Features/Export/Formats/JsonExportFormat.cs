using System.Text.Encodings.Web;
using System.Text.Json;
using AuditAdmin.Core.Features.Export.Sources;

namespace AuditAdmin.Core.Features.Export.Formats;

/// <summary>GROWI's format: each file one JSON array of record objects.</summary>
internal sealed class JsonExportFormat : IExportFormat
{
    public string Name => ExportFormatNames.Json;

    public string FileExtension => "json";

    public IExportRecordWriter Start(Stream destination) => new JsonRecordWriter(destination);

    private sealed class JsonRecordWriter : IExportRecordWriter
    {
        private const int FlushThreshold = 64 * 1024;

        /// <summary>
        /// A data file, not HTML: only what JSON requires is escaped, so names in any script stay readable, as in the
        /// JSON.stringify output of GROWI's export.
        /// </summary>
        private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        private static readonly JsonEncodedText[] Names = [.. ExportRecordFields.All.Select(f => JsonEncodedText.Encode(f.Name, WriterOptions.Encoder))];

        private readonly Utf8JsonWriter _writer;

        public JsonRecordWriter(Stream destination)
        {
            _writer = new Utf8JsonWriter(destination, WriterOptions);
            _writer.WriteStartArray();
        }

        public void Write(IExportRow row)
        {
            var writer = _writer;
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
                    case ExportFieldKind.Text when row.TryGetText(column, out var text):
                        writer.WriteString(Names[i], text);
                        break;
                    case ExportFieldKind.Text:
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
            // Utf8JsonWriter buffers; hand the stream (which has no buffer of its own) large writes.
            if (writer.BytesPending >= FlushThreshold)
            {
                writer.Flush();
            }
        }

        public void Finish()
        {
            _writer.WriteEndArray();
            _writer.Flush();
        }

        public ValueTask DisposeAsync() => _writer.DisposeAsync();
    }
}
