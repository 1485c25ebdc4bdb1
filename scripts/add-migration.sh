#!/usr/bin/env bash
# Adds a migration with the same name to every provider's set (SQLite, SQL Server, PostgreSQL), so they never drift apart.
# Usage: scripts/add-migration.sh <MigrationName>
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 <MigrationName>" >&2; exit 2; }
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build AuditAdmin.Core -v q -nologo
for provider in Sqlite SqlServer PostgreSql; do
  dotnet ef migrations add "$1" --no-build --project AuditAdmin.Core --startup-project AuditAdmin.Core \
    --context "${provider}AuditAdminDbContext" --output-dir "Data/Migrations/$provider"
done
