using AuditAdmin.Web.Components.Pages.Activities;

namespace AuditAdmin.Tests.Web.Components.Pages.Activities;

public sealed class SnapshotEntriesTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("{}")]
    public void Parse_ShouldReturnNothing_WhenTheSnapshotIsEmpty(string? snapshot) =>
        Assert.Empty(SnapshotEntries.Parse(snapshot));

    [Fact]
    public void Parse_ShouldShowNestedValuesAsJson_AndStringsUnquoted()
    {
        var entries = SnapshotEntries.Parse("""{"username":"alice","tags":["a","b"],"page":{"id":7},"deleted":false}""");

        Assert.Equal([("username", "alice"), ("tags", """["a","b"]"""), ("page", """{"id":7}"""), ("deleted", "false")], entries);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    public void Parse_ShouldKeepTheRawText_WhenItIsNotAJsonObject(string snapshot) =>
        Assert.Equal([("", snapshot)], SnapshotEntries.Parse(snapshot));
}
