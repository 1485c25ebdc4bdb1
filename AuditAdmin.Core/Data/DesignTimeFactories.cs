using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AuditAdmin.Core.Data;

// dotnet-ef builds these without the Web host, its configuration or a reachable database.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAuditAdminDbContext>
{
    public SqliteAuditAdminDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAuditAdminDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerAuditAdminDbContext>
{
    public SqlServerAuditAdminDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerAuditAdminDbContext>()
            .UseSqlServer("Server=127.0.0.1,1;Database=AuditAdmin;Integrated Security=false;TrustServerCertificate=true").Options);
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlAuditAdminDbContext>
{
    public PostgreSqlAuditAdminDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlAuditAdminDbContext>()
            .UseNpgsql("Host=127.0.0.1;Port=1;Database=auditadmin;Username=design").Options);
}
