using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AuditAdmin.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Evidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditLogBulkExportJobs_UserId_FilterHash_InProgress",
                table: "AuditLogBulkExportJobs");

            migrationBuilder.AddColumn<long>(
                name: "AsOfActivityId",
                table: "AuditLogBulkExportJobs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateTime>(
                name: "AsOfAt",
                table: "AuditLogBulkExportJobs",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<long>(
                name: "EstimatedTotal",
                table: "AuditLogBulkExportJobs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sha256",
                table: "Attachments",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "IngestedAt",
                table: "Activities",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IngestedBy",
                table: "Activities",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "Activities",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "app");

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SigningCertificates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CertificateDer = table.Column<byte[]>(type: "BLOB", maxLength: 16384, nullable: false),
                    ProtectedPrivateKey = table.Column<string>(type: "TEXT", maxLength: 16384, nullable: true),
                    FirstUsedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SigningCertificates", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditLogBulkExportJobs_UserId_FilterHash_Format_InProgress",
                table: "AuditLogBulkExportJobs",
                columns: new[] { "UserId", "FilterHash", "Format" },
                unique: true,
                filter: "\"Status\" IN ('exporting', 'uploading')");

            migrationBuilder.CreateIndex(
                name: "IX_SigningCertificates_Sha256",
                table: "SigningCertificates",
                column: "Sha256",
                unique: true);

            // Jobs in progress during the upgrade are as of the upgrade: everything recorded so far.
            migrationBuilder.Sql("UPDATE \"AuditLogBulkExportJobs\" SET \"AsOfActivityId\" = (SELECT COALESCE(MAX(\"Id\"), 0) FROM \"Activities\"), \"AsOfAt\" = \"CreatedAt\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "SigningCertificates");

            migrationBuilder.DropIndex(
                name: "IX_AuditLogBulkExportJobs_UserId_FilterHash_Format_InProgress",
                table: "AuditLogBulkExportJobs");

            migrationBuilder.DropColumn(
                name: "AsOfActivityId",
                table: "AuditLogBulkExportJobs");

            migrationBuilder.DropColumn(
                name: "AsOfAt",
                table: "AuditLogBulkExportJobs");

            migrationBuilder.DropColumn(
                name: "EstimatedTotal",
                table: "AuditLogBulkExportJobs");

            migrationBuilder.DropColumn(
                name: "Sha256",
                table: "Attachments");

            migrationBuilder.DropColumn(
                name: "IngestedAt",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "IngestedBy",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "Activities");

            migrationBuilder.CreateIndex(
                name: "IX_AuditLogBulkExportJobs_UserId_FilterHash_InProgress",
                table: "AuditLogBulkExportJobs",
                columns: new[] { "UserId", "FilterHash" },
                unique: true,
                filter: "\"Status\" IN ('exporting', 'uploading')");
        }
    }
}
