using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using AuditAdmin.Core.Features.Export;

namespace AuditAdmin.Tests.Features.Export;

/// <summary>
/// The Export feature's public surface is what the Web project uses, nothing more: everything else is internal (the
/// tests see internals through InternalsVisibleTo). Read from the compiled AuditAdmin.Web.dll, so an unused public
/// type fails here even when no source mentions it.
/// </summary>
public sealed class ExportFeatureVisibilityTests
{
    private const string FeatureNamespace = "AuditAdmin.Core.Features.Export";

    /// <summary>
    /// Web uses only these types' constants, which the compiler copies into Web.dll, so no metadata names them. Each
    /// must declare public constants (checked below), or it has no business on this list.
    /// </summary>
    private static readonly Type[] UsedOnlyThroughConstants = [typeof(ExportStatus)];

    [Fact]
    public void PublicExportTypes_ShouldAllBeReferencedByTheWebAssembly()
    {
        var referenced = CoreTypesReferencedByWeb();
        referenced.UnionWith(InPublicSignaturesOf(referenced));

        // A nested public type belongs to its parent's surface (ExportRequestResult.Accepted with ExportRequestResult).
        var unreferenced = typeof(ExportService).Assembly.GetExportedTypes()
            .Where(t => t.DeclaringType is null && IsInFeature(t.Namespace))
            .Select(t => t.FullName!)
            .Where(name => !referenced.Contains(name) && UsedOnlyThroughConstants.All(t => t.FullName != name))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(unreferenced.Count == 0,
            $"Public but unused by AuditAdmin.Web (make them internal): {string.Join(", ", unreferenced)}");
    }

    /// <summary>
    /// Types that the C# accessibility rules force to be public: parameters of the public constructors (which the
    /// container calls) and members of the types Web uses (ExportOptions in ExportDownloads' constructor).
    /// </summary>
    private static IEnumerable<string> InPublicSignaturesOf(HashSet<string> referenced)
    {
        var used = typeof(ExportService).Assembly.GetExportedTypes().Where(t => referenced.Contains(t.FullName!));
        var parameters = used.SelectMany(t => t.GetConstructors().Cast<System.Reflection.MethodBase>().Concat(t.GetMethods()))
            .SelectMany(m => m.GetParameters().Select(p => p.ParameterType));
        return parameters.SelectMany(Unwrap).Select(t => t.FullName).OfType<string>();

        static IEnumerable<Type> Unwrap(Type type) => type.IsGenericType
            ? type.GetGenericArguments().SelectMany(Unwrap)
            : [type.HasElementType ? type.GetElementType()! : type];
    }

    [Fact]
    public void CoreTypesReferencedByWeb_ShouldIncludeTheExportService_WhenReadFromTheWebAssembly()
    {
        // Guards the test above against reading the wrong file or an empty table.
        var referenced = CoreTypesReferencedByWeb();

        Assert.Contains(typeof(ExportService).FullName!, referenced);
        Assert.Contains(typeof(ExportFilters).FullName!, referenced);
    }

    [Fact]
    public void UsedOnlyThroughConstants_ShouldListOnlyTypesThatDeclarePublicConstants()
    {
        Assert.All(UsedOnlyThroughConstants, type => Assert.Contains(
            type.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static), f => f.IsLiteral));
    }

    private static bool IsInFeature(string? ns) =>
        ns is not null && (ns == FeatureNamespace || ns.StartsWith(FeatureNamespace + ".", StringComparison.Ordinal));

    /// <summary>
    /// Full names of the AuditAdmin.Core types AuditAdmin.Web.dll refers to, nested ones as their outermost type. Every
    /// type of another assembly that Web's metadata names (in a signature, as a member reference's parent, as a base
    /// type or generic argument) is a row of its TypeReference table, so that table is the whole answer.
    /// </summary>
    private static HashSet<string> CoreTypesReferencedByWeb()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "AuditAdmin.Web.dll");
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in metadata.TypeReferences)
        {
            var outermost = metadata.GetTypeReference(handle);
            while (outermost.ResolutionScope.Kind == HandleKind.TypeReference)
            {
                outermost = metadata.GetTypeReference((TypeReferenceHandle)outermost.ResolutionScope);
            }
            if (outermost.ResolutionScope.Kind == HandleKind.AssemblyReference
                && metadata.GetString(metadata.GetAssemblyReference((AssemblyReferenceHandle)outermost.ResolutionScope).Name) == "AuditAdmin.Core")
            {
                names.Add($"{metadata.GetString(outermost.Namespace)}.{metadata.GetString(outermost.Name)}");
            }
        }
        return names;
    }
}
