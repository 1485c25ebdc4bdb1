namespace AuditAdmin.Core.Features.Activities;

/// <summary>Bound from "AuditLog" (GROWI's environment names are accepted as aliases, see Configuration/GrowiAliases).</summary>
public sealed class AuditLogOptions
{
    public const string Section = "AuditLog";

    public bool Enabled { get; set; } = true;

    /// <summary>SMALL, MEDIUM or LARGE. Empty falls back to SMALL; an unknown value selects no group.</summary>
    public string? ActionGroupSize { get; set; } = "SMALL";

    /// <summary>Comma-separated stored action values to add to the group.</summary>
    public string? AdditionalActions { get; set; }

    /// <summary>Comma-separated stored action values to remove (essential actions stay).</summary>
    public string? ExcludeActions { get; set; }

    /// <summary>Activities older than this are deleted by the retention job (0 or less keeps everything).</summary>
    public long ActivityExpirationSeconds { get; set; } = 2_592_000;

    /// <summary>How often the retention job runs; it also runs a minute after start. 0 or less turns it off.</summary>
    public int RetentionIntervalSeconds { get; set; } = 3600;

    /// <summary>Rows deleted per statement by the retention job, so no delete holds the database for long.</summary>
    public int RetentionBatchSize { get; set; } = 5000;
}
