using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace AuditAdmin.Tests.TestInfrastructure;

/// <summary>bUnit with MudBlazor, localisation and an interactive renderer. Use with "await using".</summary>
public sealed class MudTestContext : BunitContext
{
    /// <param name="culture">Current culture and UI culture of the test.</param>
    /// <param name="configure">
    /// Registers the test's services (and authorization). It runs before the renderer is set up: once the renderer
    /// exists, bUnit refuses new services.
    /// </param>
    public MudTestContext(string culture = "en", Action<MudTestContext>? configure = null)
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
