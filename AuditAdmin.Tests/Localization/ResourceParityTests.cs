using System.Xml.Linq;
using AuditAdmin.Resources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace AuditAdmin.Tests.Localization;

public sealed class ResourceParityTests
{
    private static readonly string[] Cultures = ["fr", "ja", "ko", "zh-Hans"];

    private static string ResourcesDirectory() => RepositoryRoot.Combine("Resources");

    public static TheoryData<string> Families() =>
        new(Directory.GetFiles(ResourcesDirectory(), "*.resx")
            .Select(Path.GetFileName)
            .Where(f => f!.Count(c => c == '.') == 1)
            .Select(f => f![..^".resx".Length]));

    private static Dictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    [Theory]
    [MemberData(nameof(Families))]
    public void EveryCulture_ShouldHaveExactlyTheNeutralKeys_AndNoEmptyValue(string family)
    {
        var neutral = Read(Path.Combine(ResourcesDirectory(), family + ".resx"));
        Assert.All(neutral, kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value), $"{family}.resx: '{kv.Key}' is empty"));

        foreach (var culture in Cultures)
        {
            var path = Path.Combine(ResourcesDirectory(), $"{family}.{culture}.resx");
            Assert.True(File.Exists(path), $"{path} is missing");
            var translated = Read(path);
            Assert.Empty(neutral.Keys.Except(translated.Keys));
            Assert.Empty(translated.Keys.Except(neutral.Keys));
            Assert.All(translated, kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value), $"{family}.{culture}.resx: '{kv.Key}' is empty"));
        }
    }

    [Fact]
    public void SharedResource_ShouldResolveInEachCulture()
    {
        var services = new ServiceCollection().AddLogging().AddLocalization();
        using var provider = services.BuildStrictServiceProvider();
        var localizer = provider.GetRequiredService<IStringLocalizer<SharedResource>>();

        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("ja");
            var ja = localizer["Nav_AuditLog"];
            Assert.False(ja.ResourceNotFound);
            Assert.Equal("監査ログ", ja.Value);
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-CN");
            Assert.Equal("审计日志", localizer["Nav_AuditLog"].Value);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }
}
