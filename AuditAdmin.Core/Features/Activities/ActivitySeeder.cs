using System.Diagnostics;
using System.Globalization;
using System.Linq.Expressions;
using AuditAdmin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AuditAdmin.Core.Features.Activities;

/// <summary>What to seed: <see cref="Count"/> activities by users user001..user<see cref="Users"/> over [From, To] (UTC).</summary>
public sealed record SeedRequest(long Count, int Users, DateTime FromUtc, DateTime ToUtc, int? RandomSeed = null);

public sealed record SeedResult(long Count, TimeSpan Elapsed)
{
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Count / Elapsed.TotalSeconds : Count;
}

/// <summary>
/// Realistic synthetic activities for trying the app and measuring it: every catalog action can appear, weighted
/// towards the everyday ones (sign-ins, page edits, searches); each user mostly works from one IP; endpoints and
/// targets fit the action; the snapshot holds the username; times ascend evenly over the range, so ids follow time.
/// </summary>
public sealed class ActivitySeeder(ActivityBulkWriter writer, IDbContextFactory<AuditAdminDbContext> dbFactory)
{
    private static readonly string[] SeedEndpoints = [.. ActionCatalog.All.Select(SeedActions.Endpoint).Distinct()];

    /// <summary>
    /// The shape of the rows <see cref="Generate"/> writes: written by the app without a user id, a "user…" username that
    /// the snapshot starts with, and one of the seeder's endpoints. Recognises databases seeded by earlier versions too.
    /// </summary>
    private static readonly Expression<Func<Activity, bool>> IsSeeded = a =>
        a.UserId == null && a.Source == ActivitySources.App && a.IngestedBy == null && a.IngestedAt == null
        && a.Username != null && EF.Functions.Like(a.Username, "user%")
        && a.Endpoint != null && SeedEndpoints.Contains(a.Endpoint)
        && a.Snapshot != null && EF.Functions.Like(a.Snapshot, "{\"username\":\"" + a.Username + "\"%");

    private static readonly Expression<Func<Activity, bool>> IsForeign =
        Expression.Lambda<Func<Activity, bool>>(Expression.Not(IsSeeded.Body), IsSeeded.Parameters);

    /// <summary>How many activities the database holds that the seeder did not write (recorded or ingested ones).</summary>
    public async Task<long> CountForeignAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Activities.Where(IsForeign).LongCountAsync(cancellationToken);
    }

    public async Task<SeedResult> SeedAsync(SeedRequest request, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Users, 1);
        if (request.ToUtc <= request.FromUtc)
        {
            throw new ArgumentException("The range must end after it starts.", nameof(request));
        }
        var watch = Stopwatch.StartNew();
        var written = await writer.WriteAsync(Generate(request), cancellationToken);
        return new SeedResult(written, watch.Elapsed);
    }

    public static IEnumerable<Activity> Generate(SeedRequest request)
    {
        var random = request.RandomSeed is { } seed ? new Random(seed) : new Random();
        var users = Enumerable.Range(1, request.Users).Select(i => $"user{i:D3}").ToArray();
        var snapshots = users.Select(u => $$"""{"username":"{{u}}"}""").ToArray();
        var homeIps = users.Select((_, i) => $"10.{(i / 250) % 256}.{i % 250}.{random.Next(2, 254)}").ToArray();
        var step = (request.ToUtc - request.FromUtc).Ticks / (double)request.Count;
        var from = DateTime.SpecifyKind(request.FromUtc, DateTimeKind.Utc);
        for (long i = 0; i < request.Count; i++)
        {
            var user = random.Next(users.Length);
            var action = SeedActions.Pick(random.NextDouble());
            var (targetModel, target, eventModel, evt) = SeedActions.Targets(action, random);
            yield return new Activity
            {
                Action = action.Value,
                Username = users[user],
                Ip = random.Next(10) == 0 ? $"192.168.{random.Next(256)}.{random.Next(1, 255)}" : homeIps[user],
                Endpoint = SeedActions.Endpoint(action),
                TargetModel = targetModel,
                Target = target,
                EventModel = eventModel,
                Event = evt,
                Snapshot = action.Category == ActionCategory.Attachment
                    ? $$"""{"username":"{{users[user]}}","originalName":"file-{{random.Next(1000).ToString(CultureInfo.InvariantCulture)}}.pdf"}"""
                    : snapshots[user],
                CreatedAt = from.AddTicks((long)((i + random.NextDouble()) * step)),
            };
        }
    }
}
