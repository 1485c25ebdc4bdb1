using System.Text.RegularExpressions;

namespace AuditAdmin.Core.Features.Storage;

/// <summary>
/// Storage keys are relative paths whose segments start with a letter or digit and hold only letters, digits, '.',
/// '_' and '-'. No "..", no rooted or drive paths, no backslashes, no empty segments: a key can never leave the root.
/// </summary>
public static partial class StorageKey
{
    public const int MaxLength = 400;

    public static bool IsValid(string? key) =>
        key is { Length: > 0 and <= MaxLength } && KeyPattern().IsMatch(key) && !key.Split('/').Any(s => s.Contains("..", StringComparison.Ordinal));

    public static void Validate(string? key)
    {
        if (!IsValid(key))
        {
            throw new ArgumentException($"Invalid storage key '{key}'.", nameof(key));
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
