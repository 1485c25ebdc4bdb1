using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace AuditAdmin.Tests.TestInfrastructure;

/// <summary>bUnit with MudBlazor, localisation and an interactive renderer. Use with "await using".</summary>
public sealed class MudTestContext : BunitContext
{
    /// <summary>
    /// Wait limit for renders that follow a real database query. bUnit's 1 s default is too short for the first
    /// (cold) EF query on a busy two-core machine; the wait still ends as soon as the condition holds.
    /// </summary>
    public static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(15);

    /// <param name="culture">UI and formatting culture of the test.</param>
    /// <param name="configureServices">
    /// Extra services. They must be added here: setting the renderer info builds the service provider,
    /// after which bUnit refuses new registrations.
    /// </param>
    public MudTestContext(string culture = "en", Action<IServiceCollection>? configureServices = null)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.ShowTransitionDuration = 0;
            o.SnackbarConfiguration.HideTransitionDuration = 0;
            o.PopoverOptions.CheckForPopoverProvider = false;
        });
        Services.AddLocalization();
        configureServices?.Invoke(Services);
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", true));
    }

    /// <summary>Renders MudBlazor's providers so dialogs, popovers and snackbars have somewhere to appear.</summary>
    public IRenderedComponent<MudPopoverProvider> RenderProviders()
    {
        Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        return Render<MudPopoverProvider>();
    }
}
