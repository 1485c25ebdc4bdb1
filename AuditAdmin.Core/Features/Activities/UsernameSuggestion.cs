namespace AuditAdmin.Core.Features.Activities;

/// <summary>Whether the account behind a recorded username still exists, and is active (the order of the suggestion groups).</summary>
public enum UserPresence
{
    Active,
    Inactive,
    Deleted,
}

/// <summary>A recorded username offered by the autocomplete, with the state of its account.</summary>
public sealed record UsernameSuggestion(string Username, UserPresence Presence);
