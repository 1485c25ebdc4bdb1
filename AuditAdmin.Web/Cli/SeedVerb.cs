using System.Globalization;
using AuditAdmin.Core.Features.Activities;

namespace AuditAdmin.Web.Cli;

/// <summary>
/// "seed --activities N [--users K] [--from ISO] [--to ISO] [--force]": synthetic activities for trying and measuring. A
/// database holding activities the seeder did not write (a real audit log) is refused unless --force.
/// </summary>
internal static class SeedVerb
{
    public const string Usage = """
        usage: seed --activities N [--users K] [--from ISO-8601] [--to ISO-8601] [--force]
          --activities N  number of activities to insert (at least 1)
          --users K       usernames user001..userK (default 50)
          --from, --to    time range of createdAt (default: the last 30 days; no offset means UTC)
          --force         seed even a database that holds activities seed did not write (a real audit log)
        """;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (!TryParse(args, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, out var request, out var force, out var error))
        {
            await Console.Error.WriteLineAsync($"seed: {error}");
            await Console.Error.WriteLineAsync(Usage);
            return CliApplication.BadArguments;
        }
        var seeder = services.GetRequiredService<ActivitySeeder>();
        if (!force && await seeder.CountForeignAsync(CancellationToken.None) is var foreign and > 0)
        {
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"error: the database holds {foreign} activities that seed did not write; nothing was seeded. Pass --force to seed it anyway."));
            return CliApplication.Failure;
        }
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var result = await seeder.SeedAsync(request, CancellationToken.None);
        var cpu = Environment.CpuUsage.TotalTime - cpuBefore;
        // CPU time too: on a shared machine the wall time says more about the neighbours than about the seeder.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Seeded {result.Count} activities ({request.Users} users, {request.FromUtc:O} to {request.ToUtc:O}) in {result.Elapsed.TotalSeconds:F1} s ({cpu.TotalSeconds:F1} s CPU): {result.RowsPerSecond:F0} rows/s"));
        return CliApplication.Success;
    }

    public static bool TryParse(string[] args, DateTime nowUtc, out SeedRequest request, out bool force, out string error)
    {
        request = default!;
        force = false;
        long? count = null;
        var users = 50;
        DateTime? from = null, to = null;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name == "--force")
            {
                force = true;
                continue;
            }
            if (i + 1 >= args.Length)
            {
                error = $"{name} needs a value";
                return false;
            }
            var value = args[++i];
            switch (name)
            {
                case "--activities" when long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1:
                    count = n;
                    break;
                case "--users" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var k) && k is >= 1 and <= 100_000:
                    users = k;
                    break;
                case "--from" when TryParseInstant(value, out var f):
                    from = f;
                    break;
                case "--to" when TryParseInstant(value, out var t):
                    to = t;
                    break;
                case "--activities" or "--users" or "--from" or "--to":
                    error = $"invalid value for {name}: '{value}'";
                    return false;
                default:
                    error = $"unknown option '{name}'";
                    return false;
            }
        }
        if (count is null)
        {
            error = "--activities is required";
            return false;
        }
        var end = to ?? nowUtc;
        var start = from ?? end.AddDays(-30);
        if (start >= end)
        {
            error = "--from must be before --to";
            return false;
        }
        request = new SeedRequest(count.Value, users, start, end);
        error = "";
        return true;
    }

    private static bool TryParseInstant(string value, out DateTime utc)
    {
        var ok = DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            && (value.Length >= 10 && value[4] == '-' && value[7] == '-');
        utc = ok ? parsed.UtcDateTime : default;
        return ok;
    }
}
