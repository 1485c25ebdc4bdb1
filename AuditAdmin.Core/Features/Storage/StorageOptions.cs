using System.ComponentModel.DataAnnotations;

namespace AuditAdmin.Core.Features.Storage;

/// <summary>Bound from "Storage".</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";
    public const string LocalProvider = "Local";

    /// <summary>Only "Local" (files under <see cref="LocalStorageOptions.Root"/>) exists today.</summary>
    [Required]
    [AllowedValues(LocalProvider)]
    public string Provider { get; set; } = LocalProvider;

    public LocalStorageOptions Local { get; set; } = new();
}

public sealed class LocalStorageOptions
{
    /// <summary>Folder of the stored files; relative paths are under the data directory (default "storage").</summary>
    public string? Root { get; set; }

    internal const string DefaultRootName = "storage";
}
