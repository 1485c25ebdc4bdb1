namespace AuditAdmin.Core.Features.Export;

/// <summary>The values of <see cref="AuditLogBulkExportJob.Format"/>, as the API and the manifest spell them.</summary>
public static class ExportFormatNames
{
    public const string Json = "json";
    public const string Ndjson = "ndjson";
    public const string Csv = "csv";

    /// <summary>Every format a job can be written in, in the order the API and the dialog list them.</summary>
    public static readonly IReadOnlyList<string> All = [Json, Ndjson, Csv];

    public static bool IsKnown(string? name) => name is not null && All.Contains(name, StringComparer.Ordinal);
}
