namespace AuditAdmin.Core.Features.Export.Sources;

/// <summary>
/// The activity a source is positioned on, as a format reads it: the id, text columns as UTF-8 bytes (so the SQLite
/// path hands over the engine's own bytes without a string per value) and dates already spelled.
/// </summary>
internal interface IExportRow
{
    /// <summary>Length of <see cref="FormatTimestamp"/>'s text: "yyyy-MM-ddTHH:mm:ss.fffffffZ".</summary>
    const int TimestampLength = 28;

    long Id { get; }

    /// <summary>
    /// A text column as valid UTF-8 (a stored invalid sequence comes back as U+FFFD, as decoding to a string gives);
    /// false for NULL. The bytes are valid until the next call on this row.
    /// </summary>
    bool TryGetText(ExportColumn column, out ReadOnlySpan<byte> utf8);

    /// <summary>
    /// Writes a date column (CreatedAt) as ISO-8601 UTC at round-trip precision (7 fractional digits, Z), so an exported
    /// time compares equal to the stored one; returns <see cref="TimestampLength"/>.
    /// </summary>
    int FormatTimestamp(ExportColumn column, Span<byte> destination);
}
