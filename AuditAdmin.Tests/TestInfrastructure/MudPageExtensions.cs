using Microsoft.Playwright;

namespace AuditAdmin.Tests.TestInfrastructure;

public static class MudPageExtensions
{
    /// <summary>The input of a MudBlazor text field marked with data-testid (MudBlazor may put the attribute on the input or around it).</summary>
    public static ILocator Field(this IPage page, string testId) =>
        page.Locator($"input[data-testid='{testId}'], [data-testid='{testId}'] input").First;
}
