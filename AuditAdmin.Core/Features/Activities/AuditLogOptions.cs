namespace AuditAdmin.Core.Features.Activities;

/// <summary>Bound from "AuditLog" (GROWI's environment names are accepted as aliases, see ActivitiesFeature).</summary>
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

    public long ActivityExpirationSeconds { get; set; } = 2_592_000;
}
