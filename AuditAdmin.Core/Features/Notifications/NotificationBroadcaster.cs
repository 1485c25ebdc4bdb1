using System.Collections.Concurrent;

namespace AuditAdmin.Core.Features.Notifications;

/// <summary>
/// In-process fan-out of "your notifications changed" to the user's open circuits (bell, pages),
/// so badges update live without polling or reloading.
/// </summary>
public sealed class NotificationBroadcaster
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Func<Task>>> _subscribers = new();

    /// <summary>Calls <paramref name="onChanged"/> whenever the user's notifications change. Dispose to stop.</summary>
    public IDisposable Subscribe(string userId, Func<Task> onChanged)
    {
        var id = Guid.NewGuid();
        _subscribers.GetOrAdd(userId, _ => new()).TryAdd(id, onChanged);
        return new Subscription(() =>
        {
            if (_subscribers.TryGetValue(userId, out var handlers))
            {
                handlers.TryRemove(id, out _);
            }
        });
    }

    public async Task PublishAsync(string userId)
    {
        if (!_subscribers.TryGetValue(userId, out var handlers))
        {
            return;
        }
        foreach (var handler in handlers.Values)
        {
            try
            {
                await handler();
            }
            catch (ObjectDisposedException)
            {
                // The circuit went away between the lookup and the call.
            }
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                dispose();
            }
        }
    }
}
