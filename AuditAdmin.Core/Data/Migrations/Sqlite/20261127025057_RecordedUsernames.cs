using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AuditAdmin.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RecordedUsernames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RecordedUsernames",
                columns: table => new
                {
                    Username = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordedUsernames", x => x.Username);
                });

            // The names already recorded, so that suggestions work at once on an existing database.
            migrationBuilder.Sql(@"INSERT INTO ""RecordedUsernames"" (""Username"") SELECT DISTINCT ""Username"" FROM ""Activities"" WHERE ""Username"" IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RecordedUsernames");
        }
    }
}
