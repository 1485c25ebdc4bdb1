using System.Text.Json;
using System.Text.RegularExpressions;
using AuditAdmin.Core.Data;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Features.Export;
using AuditAdmin.Core.Features.Export.Sources;
using AuditAdmin.Web.Endpoints;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Tests.Features.Export.Sources;

/// <summary>
/// The export's query as EF Core generates it for SQL Server, built offline: the context points at a loopback port
/// nothing listens on, and <c>CreateDbCommand</c> never opens the connection.
/// </summary>
public sealed class SqlServerExportQueryTests
{
    private const int SqlServerParameterLimit = 2_100;

    [Fact]
    public void ExportQuery_ShouldReadAfterTheCursorInIdOrder_WithTheColumnsInRowOrder()
    {
        using var db = SqlServer();

        using var command = ExportActivityQuery.Build(db, new ExportFilters(), afterId: 42, asOfId: 4242);

        var sql = command.CommandText;
        var select = Regex.Match(sql, @"^SELECT (?<columns>.+?)\s+FROM \[Activities\] AS \[a\]", RegexOptions.Singleline);
        Assert.True(select.Success, sql);
        Assert.Equal(Enum.GetNames<ExportColumn>().Select(c => $"[a].[{c}]"), select.Groups["columns"].Value.Split(", "));
        var cursor = Regex.Match(sql, @"WHERE \[a\]\.\[Id\] > (?<parameter>@\w+)");
        Assert.True(cursor.Success, sql);
        Assert.Equal(42L, command.Parameters[cursor.Groups["parameter"].Value].Value);
        var boundary = Regex.Match(sql, @"\[a\]\.\[Id\] <= (?<parameter>@\w+)");
        Assert.True(boundary.Success, sql);
        Assert.Equal(4242L, command.Parameters[boundary.Groups["parameter"].Value].Value);
        Assert.EndsWith("ORDER BY [a].[Id]", sql.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void ExportQuery_ShouldSendEachListAsOneJsonParameter_ForTheLargestFilterTheApiAccepts()
    {
        var filters = LargestAcceptedFilters();
        using var db = SqlServer();

        using var command = ExportActivityQuery.Build(db, filters, afterId: 0, asOfId: long.MaxValue);

        // The cursor, the boundary, the two lists and the two dates, whatever the lists hold.
        Assert.Equal(6, command.Parameters.Count);
        Assert.InRange(command.Parameters.Count, 0, SqlServerParameterLimit - 1);
        Assert.Equal(2, Regex.Count(command.CommandText, @"FROM OPENJSON\(@\w+\) WITH \(\[value\] nvarchar\(\d+\) '\$'\)"));
        var lists = command.Parameters.Cast<System.Data.Common.DbParameter>().Where(p => p.Value is string s && s.StartsWith('['))
            .Select(p => JsonSerializer.Deserialize<string[]>((string)p.Value!)!).ToList();
        Assert.Equal([filters.Usernames!.Count, filters.Actions!.Count], lists.Select(l => l.Length).Order().Reverse());
        Assert.Equal(ExportRequestValidator.MaxListLength, filters.Usernames.Count);
        Assert.Equal(ActionCatalog.All.Count, filters.Actions.Count);
    }

    /// <summary>As many usernames as the API takes, every action of the catalog and both dates, through the API's own validation.</summary>
    private static ExportFilters LargestAcceptedFilters()
    {
        var body = JsonSerializer.SerializeToElement(new
        {
            filters = new
            {
                usernames = Enumerable.Range(0, ExportRequestValidator.MaxListLength).Select(i => $"user-{i:D4}"),
                actions = ActionCatalog.All.Select(a => a.Value),
                dateFrom = "2026-01-01",
                dateTo = "2026-12-31",
            },
        });
        var (request, errors) = ExportRequestValidator.Validate(body, TimeZoneInfo.Utc);
        Assert.Empty(errors);
        return CanonicalExportFilters.From(request!.Filters).Filters;
    }

    private static SqlServerAuditAdminDbContext SqlServer() =>
        new(new DbContextOptionsBuilder<SqlServerAuditAdminDbContext>()
            .UseSqlServer("Server=127.0.0.1,1;Database=ExportQuery;TrustServerCertificate=true").Options);
}
