namespace AuditAdmin.Core.Features.Activities;

/// <summary>One row of the audit log: who did what, when, from where.</summary>
public sealed class Activity
{
    /// <summary>Ascending: the export's resume cursor.</summary>
    public long Id { get; set; }

    public string? UserId { get; set; }

    /// <summary>The actor's name when the action happened; stays searchable after the user is renamed or deleted.</summary>
    public string? Username { get; set; }

    /// <summary>A stored action value of the catalog.</summary>
    public required string Action { get; set; }

    public string? TargetModel { get; set; }
    public string? Target { get; set; }
    public string? EventModel { get; set; }
    public string? Event { get; set; }
    public string? Ip { get; set; }
    public string? Endpoint { get; set; }

    /// <summary>A small JSON object frozen at recording time (for example the username).</summary>
    public string? Snapshot { get; set; }

    /// <summary>UTC. A DateTime, not a DateTimeOffset: SQLite can order and compare only the former.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Who wrote the row: AuditAdmin itself, or another system through the ingestion API.</summary>
    public string Source { get; set; } = ActivitySources.App;

    /// <summary>For an ingested row: the username whose token sent it.</summary>
    public string? IngestedBy { get; set; }

    /// <summary>For an ingested row: when it was received (UTC); <see cref="CreatedAt"/> is the sender's claim.</summary>
    public DateTime? IngestedAt { get; set; }
}

/// <summary>Values of <see cref="Activity.Source"/>.</summary>
public static class ActivitySources
{
    public const string App = "app";
    public const string Ingested = "ingested";
}
