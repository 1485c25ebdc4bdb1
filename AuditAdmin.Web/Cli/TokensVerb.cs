using System.Globalization;
using AuditAdmin.Core.Features.Activities;
using AuditAdmin.Core.Identity;

namespace AuditAdmin.Web.Cli;

/// <summary>"tokens create ...": issues a personal access token and prints only the token, so scripts can capture it.</summary>
internal static class TokensVerb
{
    public const int DefaultExpiryDays = 90;

    public static readonly string Usage = $"""
        usage: tokens create --username <name> --scopes <scope>[,<scope>...] [--expires-in-days <days>] [--description <text>]
          scopes: {string.Join(", ", Scopes.All)} (a write scope includes its read scope)
          --expires-in-days defaults to {DefaultExpiryDays}, at most AccessTokens:MaxLifetimeDays (365 unless configured).
          The token is printed once on standard output.
        """;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (args.Length == 0 || args[0] != "create")
        {
            throw new CliUsageException(args.Length == 0 ? "missing sub-command" : $"unknown sub-command '{args[0]}'", Usage);
        }
        var options = CliArguments.Parse(args[1..], Usage, ["username", "scopes", "expires-in-days", "description"]);
        var userName = options.Required("username");
        var scopes = options.Required("scopes").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = scopes.Where(s => !Scopes.All.Contains(s)).ToList();
        if (scopes.Length == 0 || unknown.Count > 0)
        {
            throw options.Usage(unknown.Count > 0 ? $"unknown scope(s): {string.Join(", ", unknown)}" : "--scopes is empty");
        }
        var maxDays = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AccessTokenOptions>>().Value.MaxLifetimeDays;
        var days = Math.Min(DefaultExpiryDays, maxDays);
        if (options.Value("expires-in-days") is { } daysText
            && (!int.TryParse(daysText, NumberStyles.None, CultureInfo.InvariantCulture, out days) || days < 1 || days > maxDays))
        {
            throw options.Usage($"--expires-in-days must be a whole number from 1 to {maxDays}");
        }
        var description = options.Value("description");
        if (description?.Trim().Length > AccessTokenService.MaxDescriptionLength)
        {
            throw options.Usage($"--description is longer than {AccessTokenService.MaxDescriptionLength} characters");
        }

        await using var scope = services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserAdministration>().FindByNameAsync(userName);
        if (user is null || !user.IsActive)
        {
            await Console.Error.WriteLineAsync(user is null ? $"error: no user named '{userName}'" : $"error: user '{userName}' is deactivated");
            return CliApplication.Failure;
        }
        var created = await scope.ServiceProvider.GetRequiredService<AccessTokenService>()
            .CreateForDaysAsync(user.Id, scopes, days, description, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<IActivityRecorder>().RecordAsync(new ActivityEntry(SupportedActions.UserAccessTokenCreate)
        {
            UserId = user.Id,
            Username = user.UserName,
            Endpoint = "cli:tokens create",
        });
        Console.WriteLine(created.Token);
        return CliApplication.Success;
    }
}
