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

    /// <param name="culture">Current culture and UI culture of the test.</param>
    /// <param name="configure">
    /// Registers the test's services (and authorization). It runs before the renderer is set up: once the renderer
    /// exists, bUnit refuses new services.
    /// </param>
    /// <param name="configureServices">Extra services, added at the same moment as <paramref name="configure"/>.</param>
    public MudTestContext(string culture = "en", Action<MudTestContext>? configure = null,
        Action<IServiceCollection>? configureServices = null)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.UseServiceProviderFactory(new DefaultServiceProviderFactory(StrictServiceProvider.Options));
        Services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.ShowTransitionDuration = 0;
            o.SnackbarConfiguration.HideTransitionDuration = 0;
            o.PopoverOptions.CheckForPopoverProvider = false;
        });
        Services.AddLocalization();
        configureServices?.Invoke(Services);
        configure?.Invoke(this);
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
