using System.Data.Common;
using AuditAdmin.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuditAdmin.Core.Features.Export.Sources;

/// <summary>
/// Opens the export's query (<see cref="ExportActivityQuery"/>) as a record source. On SQLite, with
/// Export:NativeSqliteReader on and the library checked (<see cref="NativeSqliteProbe"/>), rows are read as raw UTF-8
/// straight from the engine (<see cref="SqliteRecordSource"/>); otherwise through the provider's data reader
/// (<see cref="DataReaderRecordSource"/>). Both give the same values, so every format writes the same bytes.
/// </summary>
internal sealed class ExportRecordSources(IOptionsMonitor<ExportOptions> options, NativeSqliteProbe probe)
{
    public async Task<IExportRecordSource> OpenAsync(AuditAdminDbContext db, ExportFilters filters, long afterId, long asOfId,
        CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var command = ExportActivityQuery.Build(db, filters, afterId, asOfId);
        if (command is SqliteCommand && options.CurrentValue.NativeSqliteReader && probe.IsUsable
            && SqliteRecordSource.TryOpen(command) is { } native)
        {
            return native;
        }
        if (command is not SqliteCommand)
        {
            // A server may take longer than the usual 30 s to find the next match (a rare filter over millions of rows);
            // the export has its own expiry and cancellation.
            command.CommandTimeout = 0;
        }
        try
        {
            // A row is a dozen short values: read whole (no SequentialAccess), so a format may read columns in any order.
            DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
            return new DataReaderRecordSource(command, reader);
        }
        catch
        {
            await command.DisposeAsync();
            throw;
        }
    }
}
