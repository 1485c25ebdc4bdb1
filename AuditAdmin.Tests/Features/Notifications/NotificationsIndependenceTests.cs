using System.Reflection;
using System.Text.RegularExpressions;
using AuditAdmin.Core.Features.Notifications;

namespace AuditAdmin.Tests.Features.Notifications;

/// <summary>
/// Notifications is a shared feature that others contribute to (<see cref="INotificationTargetResolver"/>); it names
/// none of them. Export depends on Notifications, never the other way round.
/// </summary>
public sealed partial class NotificationsIndependenceTests
{
    private const string NotificationsNamespace = "AuditAdmin.Core.Features.Notifications";

    [Fact]
    public void NotificationsTypes_ShouldExposeNoExportType()
    {
        var offenders = typeof(InAppNotification).Assembly.GetTypes()
            .Where(t => t.Namespace == NotificationsNamespace)
            .SelectMany(t => ReferencedTypes(t).Where(IsExportType).Select(r => $"{t.Name} → {r.FullName}"))
            .Distinct()
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void NotificationsSource_ShouldNameNoExportTypeOrAction()
    {
        var folder = RepositoryRoot.Combine("AuditAdmin.Core", "Features", "Notifications");
        var offenders = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .SelectMany(path => ExportReference().Matches(File.ReadAllText(path)).Select(m => $"{Path.GetFileName(path)}: {m.Value}"))
            .ToList();

        Assert.NotEmpty(Directory.EnumerateFiles(folder, "*.cs"));
        Assert.Empty(offenders);
    }

    private static bool IsExportType(Type type) =>
        type.Namespace?.StartsWith("AuditAdmin.Core.Features.Export", StringComparison.Ordinal) == true;

    private static IEnumerable<Type> ReferencedTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        IEnumerable<Type> direct = [
            .. type.BaseType is { } b ? [b] : Array.Empty<Type>(),
            .. type.GetInterfaces(),
            .. type.GetFields(all).Select(f => f.FieldType),
            .. type.GetProperties(all).Select(p => p.PropertyType),
            .. type.GetConstructors(all).SelectMany(c => c.GetParameters()).Select(p => p.ParameterType),
            .. type.GetMethods(all).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)),
        ];
        return direct.SelectMany(Unwrap);
    }

    private static IEnumerable<Type> Unwrap(Type type)
    {
        if (type.HasElementType)
        {
            return Unwrap(type.GetElementType()!);
        }
        return type.IsGenericType ? type.GetGenericArguments().SelectMany(Unwrap).Prepend(type) : [type];
    }

    [GeneratedRegex(@"Features\.Export|AuditLogBulkExport\w*|\bExport\w*(Service|Downloads|Status|Job)\b")]
    private static partial Regex ExportReference();
}
