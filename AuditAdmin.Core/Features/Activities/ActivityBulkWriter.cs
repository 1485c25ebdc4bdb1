using System.Data;
using AuditAdmin.Core.Data;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace AuditAdmin.Core.Features.Activities;

/// <summary>
/// Inserts many activities without change tracking, in one transaction: on SQLite one prepared INSERT reused for
/// every row; on SQL Server SqlBulkCopy; on PostgreSQL binary COPY. For ingestion and the seeder (millions of rows); ids are not read back.
/// New usernames go to <see cref="RecordedUsername"/> in the same transaction.
/// </summary>
public sealed partial class ActivityBulkWriter(IDbContextFactory<AuditAdminDbContext> dbFactory)
{
    private const int SqlServerChunk = 50_000;

    private static readonly (string Property, Func<Activity, object?> Value)[] Columns =
    [
        (nameof(Activity.UserId), a => a.UserId),
        (nameof(Activity.Username), a => a.Username),
        (nameof(Activity.Action), a => a.Action),
        (nameof(Activity.TargetModel), a => a.TargetModel),
        (nameof(Activity.Target), a => a.Target),
        (nameof(Activity.EventModel), a => a.EventModel),
        (nameof(Activity.Event), a => a.Event),
        (nameof(Activity.Ip), a => a.Ip),
        (nameof(Activity.Endpoint), a => a.Endpoint),
        (nameof(Activity.Snapshot), a => a.Snapshot),
        (nameof(Activity.CreatedAt), a => DateTime.SpecifyKind(a.CreatedAt, DateTimeKind.Utc)),
        (nameof(Activity.Source), a => a.Source),
        (nameof(Activity.IngestedBy), a => a.IngestedBy),
        (nameof(Activity.IngestedAt), a => a.IngestedAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null),
    ];

    /// <summary>Writes every row; nothing is kept if it fails or is cancelled. Returns the number written.</summary>
    public async Task<long> WriteAsync(IEnumerable<Activity> rows, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = db.Model.FindEntityType(typeof(Activity))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = Columns.Select(c => entity.FindProperty(c.Property)!.GetColumnName(table)!).ToArray();
        return db.Database.GetDbConnection() switch
        {
            SqliteConnection sqlite => await WriteSqliteAsync(sqlite, table.Name, columns, rows, cancellationToken),
            SqlConnection sqlServer => await WriteSqlServerAsync(sqlServer, table.Name, columns, rows, cancellationToken),
            NpgsqlConnection postgreSql => await WritePostgreSqlAsync(postgreSql, table.Name, columns, rows, cancellationToken),
            var other => throw new NotSupportedException($"No bulk insert for {other.GetType().Name}."),
        };
    }

    private static async Task<long> WriteSqliteAsync(SqliteConnection connection, string table, string[] columns,
        IEnumerable<Activity> rows, CancellationToken cancellationToken)
    {
        await connection.OpenAsync(cancellationToken);
        // For this write only (the connection returns to the pool): a page cache big enough for the index pages
        // being appended to, which made a million-row seed markedly cheaper.
        SetCacheSize(connection, -131_072);
        try
        {
            return InsertSqlite(connection, table, columns, rows, cancellationToken);
        }
        finally
        {
            SetCacheSize(connection, -2_000);
        }
    }

    private static void SetCacheSize(SqliteConnection connection, int size)
    {
        using var pragma = connection.CreateCommand();
        pragma.CommandText = $"PRAGMA cache_size = {size}";
        pragma.ExecuteNonQuery();
    }

    private static long InsertSqlite(SqliteConnection connection, string table, string[] columns, IEnumerable<Activity> rows,
        CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // Single-row: Microsoft.Data.Sqlite binds by name, and SQLite looks names up linearly, so a multi-row
        // statement with hundreds of parameters was measured three times slower.
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        var parameters = columns.Select((_, i) => command.Parameters.Add($"$p{i}", SqliteType.Text)).ToArray();
        command.Prepare();
        using var addName = connection.CreateCommand();
        addName.Transaction = transaction;
        addName.CommandText = RecordedUsernameSql.Sqlite;
        var name = addName.Parameters.Add(RecordedUsernameSql.Parameter, SqliteType.Text);
        HashSet<string> names = new(StringComparer.Ordinal);
        long count = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                // A DateTime binds as "yyyy-MM-dd HH:mm:ss.FFFFFFF", the text EF writes and compares.
                parameters[i].Value = Columns[i].Value(row) ?? DBNull.Value;
            }
            // Microsoft.Data.Sqlite runs in-process and synchronously; the async call would only add overhead per row.
            command.ExecuteNonQuery();
            if (row.Username is { } username && names.Add(username))
            {
                name.Value = username;
                addName.ExecuteNonQuery();
            }
            if (++count % 10_000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        transaction.Commit();
        return count;
    }

    private static async Task<long> WriteSqlServerAsync(SqlConnection connection, string table, string[] columns,
        IEnumerable<Activity> rows, CancellationToken cancellationToken)
    {
        await connection.OpenAsync(cancellationToken);
        await using var transaction = (SqlTransaction)await connection.BeginTransactionAsync(cancellationToken);
        using var bulk = new SqlBulkCopy(connection, SqlBulkCopyOptions.CheckConstraints, transaction)
        {
            DestinationTableName = $"[{table}]",
            BatchSize = SqlServerChunk,
            BulkCopyTimeout = 0,
            EnableStreaming = true,
        };
        using var chunk = new DataTable();
        foreach (var column in columns)
        {
            bulk.ColumnMappings.Add(column, column);
            chunk.Columns.Add(column, column is nameof(Activity.CreatedAt) or nameof(Activity.IngestedAt) ? typeof(DateTime) : typeof(string));
        }
        HashSet<string> names = new(StringComparer.Ordinal);
        long count = 0;
        foreach (var row in rows)
        {
            chunk.Rows.Add(Columns.Select(c => c.Value(row) ?? DBNull.Value).ToArray());
            if (row.Username is { } username)
            {
                names.Add(username);
            }
            if (chunk.Rows.Count == SqlServerChunk)
            {
                await bulk.WriteToServerAsync(chunk, cancellationToken);
                count += chunk.Rows.Count;
                chunk.Clear();
            }
        }
        if (chunk.Rows.Count > 0)
        {
            await bulk.WriteToServerAsync(chunk, cancellationToken);
            count += chunk.Rows.Count;
        }
        await using var addName = new SqlCommand(RecordedUsernameSql.SqlServer, connection, transaction);
        var name = addName.Parameters.Add(RecordedUsernameSql.Parameter, SqlDbType.NVarChar, ActivityConfiguration.MaxUsernameLength);
        foreach (var username in names)
        {
            name.Value = username;
            await addName.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return count;
    }
}
