namespace AuditAdmin.Core.Features.Maintenance;

/// <summary>Names of the periodic tasks recorded in <see cref="MaintenanceRun"/>.</summary>
public static class MaintenanceTasks
{
    public const string ActivityRetention = nameof(ActivityRetention);
    public const string ExportCleanup = nameof(ExportCleanup);
}
