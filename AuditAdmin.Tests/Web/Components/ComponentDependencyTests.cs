using System.Reflection;
using AuditAdmin.Web.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Tests.Web.Components;

/// <summary>Components reach the data through Core's services, never through a DbContext of their own.</summary>
public sealed class ComponentDependencyTests
{
    [Fact]
    public void Components_ShouldNotInjectADbContextOrItsFactory()
    {
        var components = typeof(App).Assembly.GetTypes().Where(t => typeof(IComponent).IsAssignableFrom(t)).ToList();

        var offenders = components
            .SelectMany(c => Dependencies(c).Where(IsDatabaseAccess).Select(d => $"{c.Name}: {d.Name}"))
            .ToList();

        Assert.NotEmpty(components);
        Assert.Empty(offenders);
    }

    private static IEnumerable<Type> Dependencies(Type component) =>
        component.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(p => p.IsDefined(typeof(InjectAttribute)))
            .Select(p => p.PropertyType)
            .Concat(component.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.ParameterType));

    private static bool IsDatabaseAccess(Type type) =>
        typeof(DbContext).IsAssignableFrom(type)
        || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IDbContextFactory<>));
}
