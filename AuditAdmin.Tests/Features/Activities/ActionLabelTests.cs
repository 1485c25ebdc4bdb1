using System.Globalization;
using System.Xml.Linq;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Resources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace AuditAdmin.Tests.Features.Activities;

public sealed class ActionLabelTests
{
    private static readonly string[] CatalogValues = ActionCatalog.All.Select(a => a.Value).ToArray();

    public static TheoryData<string> ResourceFiles() =>
        new("ActionLabels.resx", "ActionLabels.fr.resx", "ActionLabels.ja.resx", "ActionLabels.ko.resx", "ActionLabels.zh-Hans.resx");

    public static TheoryData<string> TranslatedCultures() => new("fr", "ja", "ko", "zh-Hans");

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void ResourceFile_ShouldLabelExactlyTheCatalogActions_WhenRead(string fileName)
    {
        var labels = ReadLabels(fileName);

        Assert.NotEmpty(CatalogValues);
        var unlabelled = CatalogValues.Where(v => !labels.TryGetValue(v, out var label) || string.IsNullOrWhiteSpace(label));
        Assert.Empty(unlabelled);
        Assert.Empty(labels.Keys.Except(CatalogValues, StringComparer.Ordinal));
    }

    [Fact]
    public void NeutralLabels_ShouldBeReadableText_WhenComparedWithStoredValues()
    {
        var labels = ReadLabels("ActionLabels.resx");

        // A label that repeats its key (e.g. "PAGE_CREATE") means nobody wrote one.
        var keyEchoes = CatalogValues.Where(v => string.Equals(labels[v], v, StringComparison.OrdinalIgnoreCase));
        Assert.Empty(keyEchoes);
        Assert.Equal(labels.Count, labels.Values.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Localizer_ShouldReturnNeutralLabelForEveryAction_WhenUiCultureIsEnglish()
    {
        var neutral = ReadLabels("ActionLabels.resx");

        var resolved = ResolveAll("en");

        Assert.All(CatalogValues, value =>
        {
            Assert.False(resolved[value].ResourceNotFound, $"'{value}' not found for en");
            Assert.Equal(neutral[value], resolved[value].Value);
        });
    }

    [Theory]
    [MemberData(nameof(TranslatedCultures))]
    public void Localizer_ShouldReturnTranslatedLabelForEveryAction_WhenUiCultureIsSet(string culture)
    {
        var neutral = ReadLabels("ActionLabels.resx");
        var translated = ReadLabels($"ActionLabels.{culture}.resx");

        var resolved = ResolveAll(culture);

        Assert.All(CatalogValues, value =>
        {
            var label = resolved[value];
            Assert.False(label.ResourceNotFound, $"'{value}' not found for {culture}");
            // Equal to the culture file and different from English: the satellite assembly answered, not the fallback.
            Assert.Equal(translated[value], label.Value);
            Assert.NotEqual(neutral[value], label.Value);
        });
    }

    private static Dictionary<string, LocalizedString> ResolveAll(string culture)
    {
        using var provider = new ServiceCollection().AddLogging().AddLocalization().BuildStrictServiceProvider();
        var localizer = provider.GetRequiredService<IStringLocalizer<ActionLabels>>();

        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(culture);
            return CatalogValues.ToDictionary(v => v, v => localizer[v], StringComparer.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static Dictionary<string, string> ReadLabels(string fileName) =>
        XDocument.Load(Path.Combine(ResourcesDirectory(), fileName)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    private static string ResourcesDirectory() => RepositoryRoot.Combine("Resources");
}
