using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AuditAdmin.Core.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ExportedFileCount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ExportedFileCount",
                table: "AuditLogBulkExportJobs",
                type: "int",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ExportedFileCount",
                table: "AuditLogBulkExportJobs");
        }
    }
}
