using AuditAdmin.Core.Features.Export.Sources;

namespace AuditAdmin.Core.Features.Export.Formats;

/// <summary>How a format writes a field's value.</summary>
internal enum ExportFieldKind
{
    /// <summary>The 64-bit activity id (a number where the format has numbers).</summary>
    Id,

    /// <summary>Text or null.</summary>
    Text,

    /// <summary>The activity's snapshot: a small JSON object as text, possibly missing.</summary>
    Snapshot,

    /// <summary>ISO-8601 UTC with 7 fractional digits and Z.</summary>
    Timestamp,
}

/// <summary>One field of the exported record: its name in the file, and where its value comes from.</summary>
internal readonly record struct ExportField(string Name, ExportColumn Column, ExportFieldKind Kind);

/// <summary>
/// The exported record, in GROWI's field names and order, so tools built for GROWI's exports keep working. Every
/// format writes these fields; this is the only place they are spelled.
/// </summary>
internal static class ExportRecordFields
{
    public static readonly ExportField[] All =
    [
        new("_id", ExportColumn.Id, ExportFieldKind.Id),
        new("user", ExportColumn.UserId, ExportFieldKind.Text),
        new("username", ExportColumn.Username, ExportFieldKind.Text),
        new("ip", ExportColumn.Ip, ExportFieldKind.Text),
        new("endpoint", ExportColumn.Endpoint, ExportFieldKind.Text),
        new("targetModel", ExportColumn.TargetModel, ExportFieldKind.Text),
        new("target", ExportColumn.Target, ExportFieldKind.Text),
        new("eventModel", ExportColumn.EventModel, ExportFieldKind.Text),
        new("event", ExportColumn.Event, ExportFieldKind.Text),
        new("action", ExportColumn.Action, ExportFieldKind.Text),
        new("snapshot", ExportColumn.Snapshot, ExportFieldKind.Snapshot),
        new("createdAt", ExportColumn.CreatedAt, ExportFieldKind.Timestamp),
    ];
}
