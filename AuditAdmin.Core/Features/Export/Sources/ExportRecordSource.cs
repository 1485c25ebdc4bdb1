using System.Data;
using System.Data.Common;
using System.Text.Json;
using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Export.Formats;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Core.Features.Export.Sources;

/// <summary>
/// A forward-only stream of the activities an export selects, each written as one exported record. On SQLite (the
/// default store) rows are read as raw UTF-8 straight from the engine (<see cref="SqliteRecordSource"/>); on other
/// providers through the ADO.NET data reader (<see cref="DataReaderRecordSource"/>). Both write the same bytes.
/// </summary>
internal abstract class ExportRecordSource : IAsyncDisposable
{
    /// <summary>The export's query (see <see cref="ExportActivityQuery"/>) opened on the context's connection.</summary>
    public static async Task<ExportRecordSource> OpenAsync(AuditAdminDbContext db, ExportFilters filters, long afterId,
        CancellationToken cancellationToken, bool allowNative = true)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var command = ExportActivityQuery.Build(db, filters, afterId);
        if (allowNative && SqliteRecordSource.TryOpen(command) is { } native)
        {
            return native;
        }
        try
        {
            var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
            return new DataReaderRecordSource(command, reader);
        }
        catch
        {
            await command.DisposeAsync();
            throw;
        }
    }

    /// <summary>Moves to the next record; false at the end.</summary>
    public abstract ValueTask<bool> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Writes the current record; returns its id.</summary>
    public abstract long Write(Utf8JsonWriter writer);

    public abstract ValueTask DisposeAsync();
}

/// <summary>The portable path: an ADO.NET data reader read by ordinal, no entities, no tracking.</summary>
internal sealed class DataReaderRecordSource(DbCommand command, DbDataReader reader) : ExportRecordSource
{
    public override ValueTask<bool> ReadAsync(CancellationToken cancellationToken) => new(reader.ReadAsync(cancellationToken));

    public override long Write(Utf8JsonWriter writer) => ExportRecordWriter.Write(writer, reader);

    public override async ValueTask DisposeAsync()
    {
        await reader.DisposeAsync();
        await command.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
