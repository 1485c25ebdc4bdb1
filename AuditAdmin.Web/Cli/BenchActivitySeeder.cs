using System.Globalization;
using AuditAdmin.Core.Features.Activities;
using Microsoft.Data.Sqlite;

namespace AuditAdmin.Web.Cli;

/// <summary>Fills a fresh SQLite database with realistic synthetic activities, fast (prepared statement, big transactions).</summary>
internal static class BenchActivitySeeder
{
    private const int BatchSize = 50_000;

    public static async Task SeedAsync(string connectionString, int rows, CancellationToken cancellationToken)
    {
        var actions = ActionCatalog.InGroup(ActionGroups.Medium).ToArray();
        var random = new Random(42);

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=OFF;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }
        for (var done = 0; done < rows;)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO Activities (UserId, Username, Action, TargetModel, Target, Ip, Endpoint, Snapshot, CreatedAt)
                VALUES ($u, $n, $a, 'Page', $t, $ip, $e, $s, $c)
                """;
            var (u, n, a, t, ip, e, s, c) = (Add(command, "$u"), Add(command, "$n"), Add(command, "$a"), Add(command, "$t"),
                Add(command, "$ip"), Add(command, "$e"), Add(command, "$s"), Add(command, "$c"));
            await command.PrepareAsync(cancellationToken);
            var end = Math.Min(rows, done + BatchSize);
            for (var i = done; i < end; i++)
            {
                var user = random.Next(200);
                var name = $"user{user:000}";
                u.Value = $"00000000-0000-4000-8000-{user:000000000000}";
                n.Value = name;
                a.Value = actions[random.Next(actions.Length)];
                t.Value = $"{random.NextInt64():x16}{random.Next():x8}";
                ip.Value = $"10.{random.Next(256)}.{random.Next(256)}.{random.Next(256)}";
                e.Value = $"/_api/v3/pages/{random.Next(100_000)}";
                s.Value = $$"""{"username":"{{name}}"}""";
                c.Value = CreatedAt(i, rows).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            done = end;
        }
    }

    /// <summary>Row i's time: the rows spread evenly over January 2026.</summary>
    public static DateTime CreatedAt(int i, int rows) =>
        new(Start.Ticks + i * (TimeSpan.FromDays(30).Ticks / Math.Max(1, rows)), DateTimeKind.Utc);

    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static SqliteParameter Add(SqliteCommand command, string name) => command.Parameters.Add(new SqliteParameter { ParameterName = name });
}
