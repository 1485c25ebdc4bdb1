using System.Diagnostics;
using System.Globalization;

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
public sealed class ActivitySeeder(ActivityBulkWriter writer)
{
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
