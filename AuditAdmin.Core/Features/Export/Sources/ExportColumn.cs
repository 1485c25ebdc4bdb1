namespace AuditAdmin.Core.Features.Export.Sources;

/// <summary>The columns of the export's query, in the order it projects them: each value is the column's ordinal.</summary>
internal enum ExportColumn
{
    Id,
    UserId,
    Username,
    Ip,
    Endpoint,
    TargetModel,
    Target,
    EventModel,
    Event,
    Action,
    Snapshot,
    CreatedAt,
    Source,
    IngestedBy,
}
