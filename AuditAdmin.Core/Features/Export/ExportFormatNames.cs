namespace AuditAdmin.Core.Features.Export;

/// <summary>The values of <see cref="AuditLogBulkExportJob.Format"/>, as the API and the manifest spell them.</summary>
internal static class ExportFormatNames
{
    public const string Json = "json";
}
