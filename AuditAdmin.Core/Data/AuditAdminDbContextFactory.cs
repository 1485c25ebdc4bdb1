using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Core.Data;

/// <summary>Creates the provider's sealed context, so the right migration set is used.</summary>
internal sealed class AuditAdminDbContextFactory(DbContextOptions<AuditAdminDbContext> options, DatabaseOptions database)
    : IDbContextFactory<AuditAdminDbContext>
{
    public AuditAdminDbContext CreateDbContext() => database.Provider switch
    {
        DatabaseProvider.SqlServer => new SqlServerAuditAdminDbContext(options),
        DatabaseProvider.PostgreSql => new PostgreSqlAuditAdminDbContext(options),
        _ => new SqliteAuditAdminDbContext(options),
    };
}
