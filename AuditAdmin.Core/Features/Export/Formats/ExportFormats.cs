using System.Collections.Frozen;

namespace AuditAdmin.Core.Features.Export.Formats;

/// <summary>The registered formats, by the name a job's Format holds.</summary>
internal sealed class ExportFormats(IEnumerable<IExportFormat> formats)
{
    private readonly FrozenDictionary<string, IExportFormat> _byName = formats.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);

    /// <exception cref="InvalidOperationException">No format of that name is registered.</exception>
    public IExportFormat For(string name) =>
        _byName.TryGetValue(name, out var format) ? format : throw new InvalidOperationException($"No export format is named '{name}'.");
}
