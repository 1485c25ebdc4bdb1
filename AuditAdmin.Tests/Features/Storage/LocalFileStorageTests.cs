using AuditAdmin.Core.Features.Storage;
using Microsoft.Extensions.Options;

namespace AuditAdmin.Tests.Features.Storage;

public sealed class LocalFileStorageTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "auditadmin-tests", Guid.NewGuid().ToString("N"), "storage");
    private readonly LocalFileStorage _storage;

    public LocalFileStorageTests()
    {
        _storage = new LocalFileStorage(Options.Create(new StorageOptions { Local = { Root = _root } }));
    }

    public void Dispose()
    {
        if (Directory.Exists(Path.GetDirectoryName(_root)))
        {
            Directory.Delete(Path.GetDirectoryName(_root)!, recursive: true);
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CommittedWrite_ShouldBeReadableUnderItsKey_AndReportItsSize()
    {
        long size;
        await using (var write = await _storage.OpenWriteAsync("exports/a1.zip", Ct))
        {
            await write.Stream.WriteAsync("hello"u8.ToArray(), Ct);
            size = await write.CommitAsync(Ct);
        }

        Assert.Equal(5, size);
        Assert.True(await StoredAsync("exports/a1.zip"));
        await using var read = await _storage.OpenReadAsync("exports/a1.zip", Ct);
        using var reader = new StreamReader(read!);
        Assert.Equal("hello", await reader.ReadToEndAsync(Ct));
        Assert.Equal([Path.Combine(_root, "exports", "a1.zip")], Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task UncommittedWrite_ShouldLeaveNothing_NotEvenATemporaryFile()
    {
        await using (var write = await _storage.OpenWriteAsync("exports/b.zip", Ct))
        {
            await write.Stream.WriteAsync(new byte[1000], Ct);
            Assert.False(await StoredAsync("exports/b.zip"));
        }

        Assert.False(await StoredAsync("exports/b.zip"));
        Assert.Null(await _storage.OpenReadAsync("exports/b.zip", Ct));
        Assert.Empty(Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Delete_ShouldRemoveTheFile_AndIgnoreAMissingOne()
    {
        await using (var write = await _storage.OpenWriteAsync("c.zip", Ct))
        {
            await write.CommitAsync(Ct);
        }

        await _storage.DeleteAsync("c.zip", Ct);
        await _storage.DeleteAsync("c.zip", Ct);

        Assert.False(await StoredAsync("c.zip"));
    }

    [Fact]
    public async Task DeleteAbandonedWrites_ShouldRemoveOnlyOldUnfinishedWrites()
    {
        await using (var done = await _storage.OpenWriteAsync("exports/done.zip", Ct))
        {
            await done.CommitAsync(Ct);
        }
        await using var current = await _storage.OpenWriteAsync("exports/current.zip", Ct);
        await current.Stream.WriteAsync(new byte[10], Ct);
        var abandoned = Path.Combine(_root, "exports", "crashed.zip.0123456789abcdef.uploading");
        await File.WriteAllTextAsync(abandoned, "PK", Ct);
        File.SetLastWriteTimeUtc(abandoned, DateTime.UtcNow.AddDays(-2));
        File.SetLastWriteTimeUtc(Path.Combine(_root, "exports", "done.zip"), DateTime.UtcNow.AddDays(-2));

        var deleted = await _storage.DeleteAbandonedWritesAsync(DateTime.UtcNow.AddDays(-1), Ct);

        Assert.Equal(1, deleted);
        Assert.False(File.Exists(abandoned));
        Assert.True(await StoredAsync("exports/done.zip"));
        Assert.Single(Directory.GetFiles(Path.Combine(_root, "exports"), "*.uploading"));
    }

    [Fact]
    public async Task List_ShouldReturnTheCommittedFilesUnderThePrefix_WithTheirLastWriteTime()
    {
        foreach (var key in new[] { "exports/a.zip", "exports/sub/b.zip", "other/c.zip", "exportsx.zip" })
        {
            await using var write = await _storage.OpenWriteAsync(key, Ct);
            await write.CommitAsync(Ct);
        }
        var written = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(_storage.PathOf("exports/a.zip"), written);
        await using var unfinished = await _storage.OpenWriteAsync("exports/unfinished.zip", Ct);

        var listed = await _storage.ListAsync("exports/", Ct).ToListAsync(Ct);

        Assert.Equal(["exports/a.zip", "exports/sub/b.zip"], listed.Select(f => f.Key).Order(StringComparer.Ordinal));
        Assert.Equal(written, listed.Single(f => f.Key == "exports/a.zip").LastModifiedUtc);
        Assert.Empty(await _storage.ListAsync("missing/", Ct).ToListAsync(Ct));
    }

    [Theory]
    [InlineData("../outside.zip")]
    [InlineData("a/../../outside.zip")]
    [InlineData("a/..")]
    [InlineData("..")]
    [InlineData("/etc/passwd")]
    [InlineData("C:/windows/x")]
    [InlineData("a\\..\\b")]
    [InlineData("a//b")]
    [InlineData("a/")]
    [InlineData(".hidden")]
    [InlineData("a/.b")]
    [InlineData("a b.zip")]
    [InlineData("a%2F..%2Fb")]
    [InlineData("zip\0.zip")]
    [InlineData("naïve.zip")]
    [InlineData("")]
    public async Task EveryOperation_ShouldRefuseKeysThatCouldLeaveTheRoot(string key)
    {
        Assert.False(StorageKey.IsValid(key));
        await Assert.ThrowsAsync<ArgumentException>(() => _storage.OpenWriteAsync(key, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => _storage.OpenReadAsync(key, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => _storage.DeleteAsync(key, Ct));
    }

    [Theory]
    [InlineData("a.zip")]
    [InlineData("audit-log-bulk-export/0195f2c1d3a47c8e9b0a1b2c3d4e5f60.zip")]
    [InlineData("x_1/y-2/z.3")]
    public void StorageKey_ShouldAcceptPlainRelativeKeys(string key) => Assert.True(StorageKey.IsValid(key));

    private async Task<bool> StoredAsync(string key)
    {
        await using var stream = await _storage.OpenReadAsync(key, Ct);
        return stream is not null;
    }
}
