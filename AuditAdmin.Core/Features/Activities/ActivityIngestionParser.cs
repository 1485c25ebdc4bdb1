using System.Text.Json;

namespace AuditAdmin.Core.Features.Activities;

/// <summary>A field that failed validation: <c>Param</c> names it as the API reports it (<c>activities[3].action</c>).</summary>
public sealed record ValidationFailure(string Param, string Message);

/// <summary>The events of an ingestion body, or why the body was refused (nothing is stored then).</summary>
public sealed record IngestionParseResult(IReadOnlyList<Activity> Activities, IReadOnlyList<ValidationFailure> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Validates <c>{activities:[{action, username?, userId?, ip?, endpoint?, targetModel?, target?, eventModel?, event?,
/// snapshot?, createdAt?}]}</c>: 1..<see cref="MaxEvents"/> events; a catalog action; strings within the column limits;
/// snapshot a JSON object within the snapshot limit (default <c>{"username":…}</c>); createdAt ISO-8601 (no offset = UTC),
/// at most <see cref="MaxClockSkew"/> ahead of now (default now). Unknown properties are ignored.
/// </summary>
public static class ActivityIngestionParser
{
    public const int MaxEvents = 1000;
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);
    private const int MaxErrors = 50;

    private static readonly (string Name, int MaxLength)[] TextFields =
    [
        ("username", ActivityConfiguration.MaxUsernameLength),
        ("userId", ActivityConfiguration.MaxUserIdLength),
        ("ip", ActivityConfiguration.MaxIpLength),
        ("endpoint", ActivityConfiguration.MaxEndpointLength),
        ("targetModel", ActivityConfiguration.MaxModelLength),
        ("target", ActivityConfiguration.MaxTargetLength),
        ("eventModel", ActivityConfiguration.MaxModelLength),
        ("event", ActivityConfiguration.MaxTargetLength),
    ];

    public static IngestionParseResult Parse(JsonElement body, DateTime nowUtc)
    {
        var errors = new List<ValidationFailure>();
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("activities", out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return Refused("activities", "activities is required");
        }
        if (list.ValueKind != JsonValueKind.Array)
        {
            return Refused("activities", "activities must be an array");
        }
        var count = list.GetArrayLength();
        if (count is 0 or > MaxEvents)
        {
            return Refused("activities", $"activities must hold 1 to {MaxEvents} events");
        }

        var activities = new List<Activity>(count);
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var activity = ParseEvent(item, $"activities[{index++}]", nowUtc, errors);
            if (activity is not null)
            {
                activities.Add(activity);
            }
            if (errors.Count >= MaxErrors)
            {
                break;
            }
        }
        return errors.Count > 0 ? new IngestionParseResult([], errors) : new IngestionParseResult(activities, []);
    }

    private static Activity? ParseEvent(JsonElement item, string path, DateTime nowUtc, List<ValidationFailure> errors)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(path, "each event must be an object"));
            return null;
        }
        var before = errors.Count;
        var action = Text(item, "action", path, ActivityConfiguration.MaxActionLength, errors);
        if (errors.Count == before && !ActionCatalog.IsSupported(action))
        {
            errors.Add(new($"{path}.action", action is null ? "action is required" : "action must be a supported action value"));
        }
        else if (errors.Count == before && ActionCatalog.Find(action) is { Groups: var groups } && groups.HasFlag(ActionGroups.Custody))
        {
            // AuditAdmin records its own chain of custody; a forged "alice downloaded the export" must be impossible.
            errors.Add(new($"{path}.action", $"{action} is recorded by AuditAdmin itself (chain of custody) and cannot be ingested"));
        }
        var texts = TextFields.ToDictionary(f => f.Name, f => Text(item, f.Name, path, f.MaxLength, errors), StringComparer.Ordinal);
        var snapshot = Snapshot(item, path, texts["username"], errors);
        var createdAt = CreatedAt(item, path, nowUtc, errors);
        if (errors.Count > before)
        {
            return null;
        }
        return new Activity
        {
            Action = action!,
            Username = texts["username"],
            UserId = texts["userId"],
            Ip = texts["ip"],
            Endpoint = texts["endpoint"],
            TargetModel = texts["targetModel"],
            Target = texts["target"],
            EventModel = texts["eventModel"],
            Event = texts["event"],
            Snapshot = snapshot,
            CreatedAt = createdAt,
        };
    }

    private static string? Text(JsonElement item, string name, string path, int maxLength, List<ValidationFailure> errors)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new($"{path}.{name}", $"{name} must be a string"));
            return null;
        }
        var text = value.GetString()!;
        if (text.Length > maxLength)
        {
            errors.Add(new($"{path}.{name}", $"{name} must be at most {maxLength} characters"));
            return null;
        }
        return text;
    }

    private static string? Snapshot(JsonElement item, string path, string? username, List<ValidationFailure> errors)
    {
        if (!item.TryGetProperty("snapshot", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return ActivitySnapshot.OfUsername(username);
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new($"{path}.snapshot", "snapshot must be a JSON object"));
            return null;
        }
        var json = ActivitySnapshot.Serialize(value);
        if (json.Length > ActivityConfiguration.MaxSnapshotLength)
        {
            errors.Add(new($"{path}.snapshot", $"snapshot must be at most {ActivityConfiguration.MaxSnapshotLength} characters of JSON"));
            return null;
        }
        return json;
    }

    private static DateTime CreatedAt(JsonElement item, string path, DateTime nowUtc, List<ValidationFailure> errors)
    {
        if (!item.TryGetProperty("createdAt", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return nowUtc;
        }
        if (value.ValueKind != JsonValueKind.String || !TryGetUtc(value, out var utc))
        {
            errors.Add(new($"{path}.createdAt", "createdAt must be an ISO-8601 date-time"));
            return default;
        }
        if (utc > nowUtc + MaxClockSkew)
        {
            errors.Add(new($"{path}.createdAt", "createdAt must not be in the future"));
            return default;
        }
        return utc;
    }

    /// <summary>ISO-8601 as System.Text.Json reads it; a value without an offset is taken as UTC.</summary>
    private static bool TryGetUtc(JsonElement value, out DateTime utc)
    {
        utc = default;
        if (!value.TryGetDateTime(out var local))
        {
            return false;
        }
        if (local.Kind == DateTimeKind.Unspecified)
        {
            utc = DateTime.SpecifyKind(local, DateTimeKind.Utc);
            return true;
        }
        if (!value.TryGetDateTimeOffset(out var withOffset))
        {
            return false;
        }
        utc = withOffset.UtcDateTime;
        return true;
    }

    private static IngestionParseResult Refused(string param, string message) => new([], [new ValidationFailure(param, message)]);
}
