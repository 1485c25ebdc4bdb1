using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace AuditAdmin.Core.Features.Activities;

/// <summary>"Add the username unless it is there", per provider; the parameter is <see cref="Parameter"/>.</summary>
internal static class RecordedUsernameSql
{
    public const string Parameter = "@username";

    public const string Sqlite = "INSERT OR IGNORE INTO \"RecordedUsernames\" (\"Username\") VALUES (@username)";

    // The range lock keeps two concurrent inserts of a new name from colliding on the key.
    public const string SqlServer = "INSERT INTO [RecordedUsernames] ([Username]) SELECT @username "
        + "WHERE NOT EXISTS (SELECT 1 FROM [RecordedUsernames] WITH (UPDLOCK, HOLDLOCK) WHERE [Username] = @username)";

    public const string PostgreSql = "INSERT INTO \"RecordedUsernames\" (\"Username\") VALUES (@username) ON CONFLICT DO NOTHING";

    public static string For(DatabaseFacade database) =>
        database.IsSqlServer() ? SqlServer : database.IsNpgsql() ? PostgreSql : Sqlite;
}
