namespace AuditAdmin.Core.Features.Export.Sources;

/// <summary>A forward-only stream of the activities an export selects; the source itself is the current row.</summary>
internal interface IExportRecordSource : IExportRow, IAsyncDisposable
{
    /// <summary>Moves to the next record; false at the end.</summary>
    ValueTask<bool> ReadAsync(CancellationToken cancellationToken);
}
