using System.Text.RegularExpressions;
using AuditAdmin.Core.Features.Activities;
using Microsoft.Data.SqlClient;

namespace AuditAdmin.Tests.Data;

/// <summary>
/// The SQL Server statement that keeps the table of recorded usernames, as ActivityBulkWriter sends it after a bulk
/// copy, checked offline: the name is inserted only when absent, under a key-range lock, so two writers adding the same
/// new name at once cannot both insert it.
/// </summary>
public sealed class SqlServerRecordedUsernameSqlTests
{
    [Fact]
    public void RecordedUsernameInsert_ShouldInsertOnlyWhenAbsent_UnderAnUpdateAndRangeLock()
    {
        // As ActivityBulkWriter.WriteSqlServerAsync and the SaveChanges upkeep send it (no connection is opened).
        using var command = new SqlCommand(RecordedUsernameSql.SqlServer);

        var sql = Regex.Replace(command.CommandText, @"\s+", " ");
        Assert.Matches(
            @"^INSERT INTO \[RecordedUsernames\] \(\[Username\]\) SELECT @username WHERE NOT EXISTS \(SELECT 1 FROM \[RecordedUsernames\] WITH \(UPDLOCK, HOLDLOCK\) WHERE \[Username\] = @username\)$",
            sql);
    }
}
