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

    /// <summary>
    /// Text that only an ingested row carries (<see cref="ExportRecordFields.IsIngested"/>): formats with records of
    /// their own shape leave it out of the other rows' records; formats with fixed columns leave it empty there.
    /// </summary>
    IngestedText,
}

/// <summary>One field of the exported record: its name in the file, and where its value comes from.</summary>
internal readonly record struct ExportField(string Name, ExportColumn Column, ExportFieldKind Kind);

/// <summary>
/// The exported record: GROWI's field names and order first, so tools built for GROWI's exports keep working, then
/// where the row came from (<c>source</c>, and <c>ingestedBy</c> for rows sent through the ingestion API). Every
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
        new("source", ExportColumn.Source, ExportFieldKind.Text),
        new("ingestedBy", ExportColumn.IngestedBy, ExportFieldKind.IngestedText),
    ];

    /// <summary>Whether the row came through the ingestion API (its source is "ingested").</summary>
    public static bool IsIngested(IExportRow row) =>
        row.TryGetText(ExportColumn.Source, out var source) && source.SequenceEqual("ingested"u8);
}
