using System.Buffers;
using System.Text.Json;
using AuditAdmin.Core.Features.Export.Sources;

namespace AuditAdmin.Core.Features.Export.Formats;

/// <summary>
/// Newline-delimited JSON (one record object a line, each line ending with LF), the shape log pipelines and SIEMs
/// ingest; the records are those of <see cref="JsonExportFormat"/>, byte for byte.
/// </summary>
internal sealed class NdjsonExportFormat : IExportFormat
{
    public string Name => ExportFormatNames.Ndjson;

    public string FileExtension => "ndjson";

    public IExportRecordWriter Start(Stream destination, ExportRequester requester) => new NdjsonRecordWriter(destination);

    private sealed class NdjsonRecordWriter : IExportRecordWriter
    {
        private const int FlushThreshold = 64 * 1024;

        private readonly Stream _destination;
        private readonly ArrayBufferWriter<byte> _buffer = new(FlushThreshold * 2);
        private readonly Utf8JsonWriter _writer;

        public NdjsonRecordWriter(Stream destination)
        {
            _destination = destination;
            _writer = new Utf8JsonWriter(_buffer, JsonRecord.WriterOptions);
        }

        public void Write(IExportRow row)
        {
            JsonRecord.Write(_writer, row);
            // Utf8JsonWriter puts a comma between top-level values: hand the record to the buffer and start afresh,
            // so the next record follows the line feed alone. Both are cheap on a buffer writer (no I/O).
            _writer.Flush();
            _writer.Reset();
            _buffer.GetSpan(1)[0] = (byte)'\n';
            _buffer.Advance(1);
            if (_buffer.WrittenCount >= FlushThreshold)
            {
                WriteBuffer();
            }
        }

        public void Finish() => WriteBuffer();

        public ValueTask DisposeAsync() => _writer.DisposeAsync();

        private void WriteBuffer()
        {
            _destination.Write(_buffer.WrittenSpan);
            _buffer.ResetWrittenCount();
        }
    }
}
