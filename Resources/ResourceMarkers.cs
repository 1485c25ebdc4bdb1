namespace AuditAdmin.Resources;

// Marker types: IStringLocalizer<T> finds "<T's full name>.resx" in this assembly.
// One family per feature so that features do not share one giant file.

/// <summary>Shell, account, users, access tokens and other cross-cutting text.</summary>
public sealed class SharedResource;

/// <summary>Audit log page and its filters.</summary>
public sealed class ActivityResource;

/// <summary>Labels of the action catalog, keyed by stored action value.</summary>
public sealed class ActionLabels;

/// <summary>Exports, notifications and downloads.</summary>
public sealed class ExportResource;
