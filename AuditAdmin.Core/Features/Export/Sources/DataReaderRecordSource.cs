using System.Data.Common;
using System.Globalization;
using System.Text;

namespace AuditAdmin.Core.Features.Export.Sources;

/// <summary>The portable path: any provider's ADO.NET data reader, read by ordinal, no entities, no tracking.</summary>
internal sealed class DataReaderRecordSource(DbCommand command, DbDataReader reader) : IExportRecordSource
{
    private byte[] _text = new byte[1024];

    public long Id { get; private set; }

    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        if (!await reader.ReadAsync(cancellationToken))
        {
            return false;
        }
        Id = reader.GetInt64((int)ExportColumn.Id);
        return true;
    }

    public bool TryGetText(ExportColumn column, out ReadOnlySpan<byte> utf8)
    {
        var ordinal = (int)column;
        if (reader.IsDBNull(ordinal))
        {
            utf8 = default;
            return false;
        }
        var text = reader.GetString(ordinal);
        var needed = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_text.Length < needed)
        {
            _text = new byte[Math.Max(needed, _text.Length * 2)];
        }
        // Encoding.UTF8 replaces a lone surrogate with U+FFFD, so the bytes are always valid UTF-8.
        utf8 = _text.AsSpan(0, Encoding.UTF8.GetBytes(text, _text));
        return true;
    }

    public int FormatTimestamp(ExportColumn column, Span<byte> destination)
    {
        var utc = DateTime.SpecifyKind(reader.GetDateTime((int)column), DateTimeKind.Utc);
        return utc.TryFormat(destination, out var written, "O", CultureInfo.InvariantCulture)
            ? written
            : throw new InvalidOperationException("Could not format a date.");
    }

    public async ValueTask DisposeAsync()
    {
        await reader.DisposeAsync();
        await command.DisposeAsync();
    }
}
