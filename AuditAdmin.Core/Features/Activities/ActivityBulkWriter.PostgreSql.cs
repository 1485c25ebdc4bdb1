using Npgsql;
using NpgsqlTypes;

namespace AuditAdmin.Core.Features.Activities;

public sealed partial class ActivityBulkWriter
{
    private static async Task<long> WritePostgreSqlAsync(NpgsqlConnection connection, string table, string[] columns,
        IEnumerable<Activity> rows, CancellationToken cancellationToken)
    {
        // Binary COPY has no column types of its own: each value is sent as the column's type.
        var types = Columns.Select(c => c.Property is nameof(Activity.CreatedAt) or nameof(Activity.IngestedAt)
            ? NpgsqlDbType.TimestampTz
            : NpgsqlDbType.Varchar).ToArray();
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        HashSet<string> names = new(StringComparer.Ordinal);
        long count = 0;
        var copy = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)";
        await using (var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                for (var i = 0; i < Columns.Length; i++)
                {
                    switch (Columns[i].Value(row))
                    {
                        case null:
                            await importer.WriteNullAsync(cancellationToken);
                            break;
                        case DateTime at:
                            await importer.WriteAsync(at, types[i], cancellationToken);
                            break;
                        case var value:
                            await importer.WriteAsync((string)value, types[i], cancellationToken);
                            break;
                    }
                }
                if (row.Username is { } username)
                {
                    names.Add(username);
                }
                count++;
            }
            await importer.CompleteAsync(cancellationToken);
        }
        await using var addName = new NpgsqlCommand(RecordedUsernameSql.PostgreSql, connection, transaction);
        var name = addName.Parameters.Add(RecordedUsernameSql.Parameter, NpgsqlDbType.Varchar);
        // In one order everywhere, so two writers adding the same new names wait for each other instead of deadlocking.
        foreach (var username in names.Order(StringComparer.Ordinal))
        {
            name.Value = username;
            await addName.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return count;
    }
}
