using System.Collections.Concurrent;
using System.Globalization;
using AuditAdmin.Core.Features.Activities;
using Microsoft.Extensions.Options;

namespace AuditAdmin.Web.Infrastructure.SignIn;

/// <summary>
/// Failed sign-ins with a name no account has. The first one in a window is recorded at once; the repeats are counted
/// and recorded as one activity when the window closes. The activities carry no username (the invented name is in
/// the snapshot, shortened), so a flood of invented names neither fills the log nor the username suggestions.
/// </summary>
internal sealed class UnknownUsernameFailures(IActivityRecorder recorder, IOptions<SignInOptions> options, TimeProvider clock)
{
    /// <summary>Beyond this many names in one window, further names are counted together.</summary>
    internal const int MaxTrackedNames = 10_000;

    /// <summary>Longest part of an invented name that is kept.</summary>
    internal const int MaxRecordedNameLength = 64;

    private const string OtherNamesKey = "\0other";

    private readonly ConcurrentDictionary<string, FailureWindow> _windows = new(StringComparer.Ordinal);

    public async Task RecordAsync(string attemptedName, string? ip, string? endpoint)
    {
        var now = clock.GetUtcNow();
        var name = Shorten(attemptedName.Trim());
        var key = name.ToUpperInvariant();
        if (!_windows.ContainsKey(key) && _windows.Count >= MaxTrackedNames)
        {
            key = OtherNamesKey;
        }
        while (true)
        {
            var window = _windows.GetOrAdd(key, _ => new FailureWindow(key == OtherNamesKey ? null : name, now, ip, endpoint));
            if (now >= window.Start + options.Value.Window)
            {
                // An expired window that the sweep has not collected yet: close it here.
                if (_windows.TryRemove(new KeyValuePair<string, FailureWindow>(key, window)))
                {
                    await RecordRepeatsAsync(window, now);
                }
                continue;
            }
            if (window.TryClaimFirst())
            {
                await recorder.RecordAsync(Entry(window.Name, ip, endpoint, new Dictionary<string, string?>
                {
                    ["attemptedUsername"] = window.Name,
                    ["failures"] = "1",
                }));
            }
            else
            {
                window.CountRepeat(ip, endpoint);
            }
            return;
        }
    }

    /// <summary>Records the repeats of every window that has closed (all of them when <paramref name="all"/>).</summary>
    public async Task FlushAsync(bool all)
    {
        var now = clock.GetUtcNow();
        foreach (var (key, window) in _windows)
        {
            if ((all || now >= window.Start + options.Value.Window)
                && _windows.TryRemove(new KeyValuePair<string, FailureWindow>(key, window)))
            {
                await RecordRepeatsAsync(window, now);
            }
        }
    }

    private Task RecordRepeatsAsync(FailureWindow window, DateTimeOffset now)
    {
        if (window.Repeats == 0)
        {
            return Task.CompletedTask;
        }
        var (ip, endpoint) = window.Last;
        return recorder.RecordAsync(Entry(window.Name, ip, endpoint, new Dictionary<string, string?>
        {
            ["attemptedUsername"] = window.Name,
            ["failures"] = window.Repeats.ToString(CultureInfo.InvariantCulture),
            ["repeatedSince"] = window.Start.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            ["repeatedUntil"] = now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        }));
    }

    private static ActivityEntry Entry(string? name, string? ip, string? endpoint, Dictionary<string, string?> snapshot)
    {
        if (name is null)
        {
            snapshot.Remove("attemptedUsername");
            snapshot["attemptedUsernames"] = "many";
        }
        return new ActivityEntry(SupportedActions.UserLoginFailure) { Ip = ip, Endpoint = endpoint, Snapshot = snapshot };
    }

    private static string Shorten(string name) =>
        name.Length <= MaxRecordedNameLength ? name
            : name[..(char.IsHighSurrogate(name[MaxRecordedNameLength - 1]) ? MaxRecordedNameLength - 1 : MaxRecordedNameLength)];

    private sealed class FailureWindow(string? name, DateTimeOffset start, string? ip, string? endpoint)
    {
        private readonly Lock _gate = new();
        private int _firstClaimed;
        private int _repeats;
        private (string? Ip, string? Endpoint) _last = (ip, endpoint);

        public string? Name { get; } = name;

        public DateTimeOffset Start { get; } = start;

        public int Repeats => Volatile.Read(ref _repeats);

        public (string? Ip, string? Endpoint) Last
        {
            get
            {
                lock (_gate)
                {
                    return _last;
                }
            }
        }

        public bool TryClaimFirst() => Interlocked.Exchange(ref _firstClaimed, 1) == 0;

        public void CountRepeat(string? ip, string? endpoint)
        {
            Interlocked.Increment(ref _repeats);
            lock (_gate)
            {
                _last = (ip, endpoint);
            }
        }
    }
}

/// <summary>Records the counted repeats as their windows close, and whatever is counted when the app stops.</summary>
internal sealed class UnknownUsernameFailuresFlush(UnknownUsernameFailures failures, IOptions<SignInOptions> options, TimeProvider clock)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(Math.Clamp(options.Value.WindowSeconds / 4.0, 1, 60));
        using var timer = new PeriodicTimer(period, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await failures.FlushAsync(all: false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await failures.FlushAsync(all: true);
    }
}
