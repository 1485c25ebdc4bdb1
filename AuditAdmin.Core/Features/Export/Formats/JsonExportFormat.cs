using System.Text.Json;
using AuditAdmin.Core.Features.Export.Sources;

namespace AuditAdmin.Core.Features.Export.Formats;

/// <summary>GROWI's format: each file one JSON array of record objects.</summary>
internal sealed class JsonExportFormat : IExportFormat
{
    public string Name => ExportFormatNames.Json;

    public string FileExtension => "json";

    public IExportRecordWriter Start(Stream destination, ExportRequester requester) => new JsonRecordWriter(destination);

    private sealed class JsonRecordWriter : IExportRecordWriter
    {
        private const int FlushThreshold = 64 * 1024;

        private readonly Utf8JsonWriter _writer;

        public JsonRecordWriter(Stream destination)
        {
            _writer = new Utf8JsonWriter(destination, JsonRecord.WriterOptions);
            _writer.WriteStartArray();
        }

        public void Write(IExportRow row)
        {
            JsonRecord.Write(_writer, row);
            // Utf8JsonWriter buffers; hand the stream (which has no buffer of its own) large writes.
            if (_writer.BytesPending >= FlushThreshold)
            {
                _writer.Flush();
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
