using AuditAdmin.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Tests.Identity;

public sealed class AccessTokenServiceTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = default!;
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private AppUser _user = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        _user = new AppUser { UserName = "tess", NormalizedUserName = "TESS", Email = "tess@example.test", CreatedAt = _clock.GetUtcNow().UtcDateTime };
        await using var db = _database.CreateDbContext();
        db.Users.Add(_user);
        await db.SaveChangesAsync(Ct);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private async Task<T> WithServiceAsync<T>(Func<AccessTokenService, Task<T>> action, int maxLifetimeDays = 365)
    {
        await using var db = _database.CreateDbContext();
        return await action(new AccessTokenService(db, _clock,
            Microsoft.Extensions.Options.Options.Create(new AccessTokenOptions { MaxLifetimeDays = maxLifetimeDays })));
    }

    [Fact]
    public async Task Create_ShouldStoreOnlyTheHash_AndTheExpandedScopes()
    {
        var created = await WithServiceAsync(s => s.CreateForDaysAsync(_user.Id, [Scopes.WriteAuditLog, Scopes.ReadAttachment], 30, " ci ", Ct));

        await using var db = _database.CreateDbContext();
        var row = await db.AccessTokens.SingleAsync(Ct);
        Assert.StartsWith("aa_", created.Token, StringComparison.Ordinal);
        Assert.Equal(AccessTokenService.Hash(created.Token), row.TokenHash);
        Assert.DoesNotContain(created.Token[3..], row.TokenHash, StringComparison.Ordinal);
        Assert.Equal(64, row.TokenHash.Length);
        Assert.Equal(
            new[] { Scopes.ReadAttachment, Scopes.ReadAuditLog, Scopes.WriteAuditLog }.Order(StringComparer.Ordinal),
            row.Scopes.Split(' ').Order(StringComparer.Ordinal));
        Assert.Equal("ci", row.Description);
        Assert.Equal(_clock.GetUtcNow().UtcDateTime.AddDays(30), row.ExpiresAt);
    }

    [Fact]
    public async Task Create_ShouldGiveEveryTokenADifferentValue()
    {
        var first = await WithServiceAsync(s => s.CreateForDaysAsync(_user.Id, [Scopes.ReadAttachment], 1, null, Ct));
        var second = await WithServiceAsync(s => s.CreateForDaysAsync(_user.Id, [Scopes.ReadAttachment], 1, null, Ct));

        Assert.NotEqual(first.Token, second.Token);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(366)]
    public async Task CreateForDays_ShouldRefuseAnExpiryOutsideOneDayToTheCap_OfAYearByDefault(int days) =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            WithServiceAsync(s => s.CreateForDaysAsync(_user.Id, [Scopes.ReadAttachment], days, null, Ct)));

    [Fact]
    public async Task Create_ShouldRefuseAnExpiryBeyondTheConfiguredCap_WhateverTheCaller()
    {
        var now = _clock.GetUtcNow().UtcDateTime;

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            WithServiceAsync(s => s.CreateAsync(_user.Id, [Scopes.ReadAttachment], now.AddDays(31), null, Ct), maxLifetimeDays: 30));
        var created = await WithServiceAsync(s => s.CreateAsync(_user.Id, [Scopes.ReadAttachment], now.AddDays(30), null, Ct), maxLifetimeDays: 30);

        Assert.Equal(now.AddDays(30), created.ExpiresAt);
    }

    [Fact]
    public async Task Create_ShouldRefuseUnknownOrMissingScopes()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => WithServiceAsync(s => s.CreateForDaysAsync(_user.Id, ["read:everything"], 1, null, Ct)));
        await Assert.ThrowsAsync<ArgumentException>(() => WithServiceAsync(s => s.CreateForDaysAsync(_user.Id, [], 1, null, Ct)));
    }

    [Fact]
    public async Task Validate_ShouldReturnTheScopes_UntilTheTokenExpires()
    {
        var created = await WithServiceAsync(s => s.CreateForDaysAsync(_user.Id, [Scopes.WriteInAppNotification], 2, null, Ct));

        var valid = await WithServiceAsync(s => s.ValidateAsync(created.Token, Ct));
        Assert.NotNull(valid);
        Assert.Equal(_user.Id, valid.User.Id);
        Assert.True(valid.Scopes.SetEquals([Scopes.ReadInAppNotification, Scopes.WriteInAppNotification]));

        _clock.Advance(TimeSpan.FromDays(2));
        Assert.Null(await WithServiceAsync(s => s.ValidateAsync(created.Token, Ct)));
    }

    [Fact]
    public async Task MarkUsed_ShouldWriteAtMostOncePerMinute()
    {
        var created = await WithServiceAsync(s => s.CreateForDaysAsync(_user.Id, [Scopes.ReadAttachment], 2, null, Ct));
        var start = _clock.GetUtcNow().UtcDateTime;

        await UseAsync(created.Token);
        _clock.Advance(TimeSpan.FromSeconds(30));
        await UseAsync(created.Token);
        Assert.Equal(start, (await WithServiceAsync(s => s.ListAsync(_user.Id, Ct))).Single().LastUsedAt);

        _clock.Advance(TimeSpan.FromSeconds(31));
        await UseAsync(created.Token);
        Assert.Equal(start.AddSeconds(61), (await WithServiceAsync(s => s.ListAsync(_user.Id, Ct))).Single().LastUsedAt);
    }

    [Fact]
    public async Task Revoke_ShouldOnlyDeleteTheOwnersToken()
    {
        var created = await WithServiceAsync(s => s.CreateForDaysAsync(_user.Id, [Scopes.ReadAttachment], 2, null, Ct));

        Assert.False(await WithServiceAsync(s => s.RevokeAsync("someone-else", created.Id, Ct)));
        Assert.NotNull(await WithServiceAsync(s => s.ValidateAsync(created.Token, Ct)));
        Assert.True(await WithServiceAsync(s => s.RevokeAsync(_user.Id, created.Id, Ct)));
        Assert.Null(await WithServiceAsync(s => s.ValidateAsync(created.Token, Ct)));
    }

    private async Task UseAsync(string token) =>
        await WithServiceAsync(async s =>
        {
            var validated = await s.ValidateAsync(token, Ct);
            await s.MarkUsedAsync(validated!, Ct);
            return true;
        });

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
