using System.Globalization;
using System.Text;
using AuditAdmin.Core.Features.Activities;

namespace AuditAdmin.Core.Features.Export.Sources;

/// <summary>
/// An activity already in memory as an export row, for the few rows the pre-flight estimate writes to measure a
/// format; exports themselves read through <see cref="IExportRecordSource"/>.
/// </summary>
internal sealed class ActivityExportRow : IExportRow
{
    private byte[] _text = new byte[256];

    public Activity Activity { get; set; } = new() { Action = "" };

    public long Id => Activity.Id;

    public bool TryGetText(ExportColumn column, out ReadOnlySpan<byte> utf8)
    {
        var a = Activity;
        var text = column switch
        {
            ExportColumn.UserId => a.UserId,
            ExportColumn.Username => a.Username,
            ExportColumn.Ip => a.Ip,
            ExportColumn.Endpoint => a.Endpoint,
            ExportColumn.TargetModel => a.TargetModel,
            ExportColumn.Target => a.Target,
            ExportColumn.EventModel => a.EventModel,
            ExportColumn.Event => a.Event,
            ExportColumn.Action => a.Action,
            ExportColumn.Snapshot => a.Snapshot,
            ExportColumn.Source => a.Source,
            ExportColumn.IngestedBy => a.IngestedBy,
            _ => throw new ArgumentOutOfRangeException(nameof(column), column, "Not a text column."),
        };
        if (text is null)
        {
            utf8 = default;
            return false;
        }
        var needed = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_text.Length < needed)
        {
            _text = new byte[needed];
        }
        utf8 = _text.AsSpan(0, Encoding.UTF8.GetBytes(text, _text));
        return true;
    }

    public int FormatTimestamp(ExportColumn column, Span<byte> destination) =>
        DateTime.SpecifyKind(Activity.CreatedAt, DateTimeKind.Utc).TryFormat(destination, out var written, "O", CultureInfo.InvariantCulture)
            ? written
            : throw new InvalidOperationException("Could not format a date.");
}
