using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Activities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Tests.TestInfrastructure;

/// <summary>Writes test activities straight into the database (one transaction, one prepared statement or a COPY).</summary>
public static class ActivitySeed
{
    public static readonly DateTime Start = new(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// Rows i = 0..count-1: usernames cycle through <paramref name="usernames"/>, actions through
    /// <paramref name="actions"/>, one minute apart from <see cref="Start"/>.
    /// </summary>
    public static IEnumerable<Activity> Rows(int count, string[]? usernames = null, string[]? actions = null, DateTime? start = null)
    {
        usernames ??= ["alice", "bob", "carol"];
        actions ??= [SupportedActions.PageCreate, SupportedActions.UserLoginWithLocal, SupportedActions.PageDelete];
        var from = start ?? Start;
        for (var i = 0; i < count; i++)
        {
            var name = usernames[i % usernames.Length];
            yield return new Activity
            {
                UserId = $"user-{name}",
                Username = name,
                Action = actions[i % actions.Length],
                TargetModel = "Page",
                Target = $"page-{i}",
                Ip = $"10.0.{i / 250 % 250}.{i % 250}",
                Endpoint = $"/_api/v3/pages/{i}",
                Snapshot = $$"""{"username":"{{name}}"}""",
                CreatedAt = from.AddMinutes(i),
            };
        }
    }

    public static async Task InsertAsync(IDbContextFactory<AuditAdminDbContext> dbFactory, IEnumerable<Activity> rows)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (db.Database.GetDbConnection() is not SqliteConnection connection)
        {
            // A server: its bulk path (binary COPY on PostgreSQL) is as direct as this statement is on SQLite.
            await new ActivityBulkWriter(dbFactory).WriteAsync(rows, CancellationToken.None);
            return;
        }
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        command.CommandText = """
            INSERT INTO Activities (UserId, Username, Action, TargetModel, Target, EventModel, Event, Ip, Endpoint, Snapshot, CreatedAt,
                Source, IngestedBy, IngestedAt)
            VALUES ($userId, $username, $action, $targetModel, $target, $eventModel, $event, $ip, $endpoint, $snapshot, $createdAt,
                $source, $ingestedBy, $ingestedAt)
            """;
        var p = new[] { "$userId", "$username", "$action", "$targetModel", "$target", "$eventModel", "$event", "$ip", "$endpoint", "$snapshot", "$createdAt", "$source",
                "$ingestedBy", "$ingestedAt" }
            .Select(name => command.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
        foreach (var row in rows)
        {
            object?[] values = [row.UserId, row.Username, row.Action, row.TargetModel, row.Target, row.EventModel, row.Event, row.Ip,
                row.Endpoint, row.Snapshot, Stored(row.CreatedAt), row.Source, row.IngestedBy, row.IngestedAt is { } at ? Stored(at) : null];
            for (var i = 0; i < p.Length; i++)
            {
                p[i].Value = values[i] ?? DBNull.Value;
            }
            await command.ExecuteNonQueryAsync();
        }
        // As every insert path of the app does: the names become suggestions.
        await using var names = connection.CreateCommand();
        names.Transaction = (SqliteTransaction)transaction;
        names.CommandText = "INSERT OR IGNORE INTO RecordedUsernames (Username) SELECT DISTINCT Username FROM Activities WHERE Username IS NOT NULL";
        await names.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    /// <summary>A date as EF Core stores it on SQLite.</summary>
    private static string Stored(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);
}
