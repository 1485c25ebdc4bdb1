namespace AuditAdmin.Core.Features.Maintenance;

/// <summary>When a periodic task last ran and what it did, for the settings panel and operators.</summary>
public sealed class MaintenanceRun
{
    /// <summary>Task name, e.g. "ActivityRetention".</summary>
    public required string Name { get; set; }
    public DateTime LastRunAt { get; set; }
    public long LastAffectedCount { get; set; }
    public string? LastError { get; set; }
}
