using AuditAdmin.Core.Features.Export;
using AuditAdmin.Core.Features.Export.Scheduling;
using Microsoft.Extensions.Options;

namespace AuditAdmin.Tests.Features.Export.Scheduling;

public sealed class ExportRunRegistryTests
{
    private static ExportRunRegistry Registry(int limit) =>
        new(new StaticOptionsMonitor(new ExportOptions { ParallelExecLimit = limit }));

    [Fact]
    public void TryStart_ShouldRefuseASecondRunOfTheSameJob()
    {
        var registry = Registry(2);
        var job = Guid.CreateVersion7();

        Assert.True(registry.TryStart(job));
        Assert.False(registry.TryStart(job));
        registry.Finish(job);
        Assert.True(registry.TryStart(job));
    }

    [Fact]
    public void TryStart_ShouldRespectTheParallelLimit_AndFreeASlotOnFinish()
    {
        var registry = Registry(2);
        var (a, b, c) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());

        Assert.True(registry.TryStart(a));
        Assert.True(registry.TryStart(b));
        Assert.False(registry.TryStart(c));
        Assert.Equal(0, registry.FreeSlots);
        registry.Finish(a);
        Assert.Equal(1, registry.FreeSlots);
        Assert.True(registry.TryStart(c));
    }

    [Fact]
    public void TryStart_ShouldRunNothing_WhenTheLimitIsZero()
    {
        Assert.False(Registry(0).TryStart(Guid.CreateVersion7()));
    }

    [Fact]
    public async Task TryStart_ShouldAdmitExactlyTheLimit_UnderContention()
    {
        var registry = Registry(3);
        var started = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => registry.TryStart(Guid.CreateVersion7()))));
        Assert.Equal(3, started.Count(s => s));
    }

    private sealed class StaticOptionsMonitor(ExportOptions value) : IOptionsMonitor<ExportOptions>
    {
        public ExportOptions CurrentValue => value;
        public ExportOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<ExportOptions, string?> listener) => null;
    }
}
