using AuditAdmin.Core.Identity;

namespace AuditAdmin.Web.Cli;

/// <summary>
/// "users create | set-role | unlock | reset-password": account administration from the command line (the first
/// administrator, a locked-out admin, a lost password). Every change is recorded in the chain of custody with the
/// operator as actor and "cli:users &lt;sub-command&gt;" as endpoint.
/// </summary>
internal static class UsersVerb
{
    public const string Usage = """
        usage: users create --username <name> --email <address> (--password <password> | --password-stdin)
                            [--role admin|auditor|user] [--admin] [--language en|fr|ja|ko|zh-Hans] [--time-zone <IANA id, e.g. Europe/Paris>]
               users set-role --username <name> --role admin|auditor|user
               users unlock --username <name>
               users reset-password --username <name> (--password <password> | --password-stdin)
          --admin           the same as --role admin
          --password-stdin  read the password from the first line of standard input (keeps it out of the process list)
          reset-password also ends the user's sessions, revokes their access tokens and lifts a lockout
        """;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (args.Length == 0)
        {
            throw new CliUsageException("missing sub-command", Usage);
        }
        return args[0] switch
        {
            "create" => await CreateAsync(services, args[1..]),
            "set-role" => await SetRoleAsync(services, args[1..]),
            "unlock" => await UnlockAsync(services, args[1..]),
            "reset-password" => await ResetPasswordAsync(services, args[1..]),
            _ => throw new CliUsageException($"unknown sub-command '{args[0]}'", Usage),
        };
    }

    private static async Task<int> CreateAsync(IServiceProvider services, string[] args)
    {
        var options = CliArguments.Parse(args, Usage,
            ["username", "email", "password", "language", "time-zone", "role"], ["admin", "password-stdin"]);
        var userName = options.Required("username");
        var email = options.Required("email");
        var role = ReadRole(options, required: false);
        if (options.Has("admin"))
        {
            if (options.Value("role") is not null && role != UserRole.Admin)
            {
                throw options.Usage("--admin contradicts --role");
            }
            role = UserRole.Admin;
        }
        var password = ReadPassword(options);

        var language = options.Value("language");
        if (language is not null && !SupportedCultures.IsSupported(language))
        {
            throw options.Usage($"unsupported language '{language}' (one of {string.Join(", ", SupportedCultures.All)})");
        }
        var timeZone = options.Value("time-zone");
        if (timeZone is not null && !UserTime.TryNormalizeIanaId(timeZone, out _))
        {
            throw options.Usage($"unknown time zone '{timeZone}' (an IANA id such as Europe/Paris or Asia/Tokyo)");
        }

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var result = await users.CreateAsync(new NewUser(userName, email, password, role, language, timeZone),
            UserAdminActor.Operator("cli:users create"), CancellationToken.None);
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync($"error: could not create user '{userName}': {result.Describe()}");
            return CliApplication.Failure;
        }
        Console.WriteLine($"Created {Describe(role)} '{userName}' (id {result.Value}).");
        return CliApplication.Success;
    }

    private static async Task<int> SetRoleAsync(IServiceProvider services, string[] args)
    {
        var options = CliArguments.Parse(args, Usage, ["username", "role"]);
        var userName = options.Required("username");
        var role = ReadRole(options, required: true);
        return await WithUserAsync(services, userName, async (users, user) =>
        {
            var result = await users.SetRoleAsync(user.Id, role, UserAdminActor.Operator("cli:users set-role"), CancellationToken.None);
            return await ReportAsync(result, $"'{userName}' is now {Describe(role)}.", $"could not change the role of '{userName}'");
        });
    }

    private static async Task<int> UnlockAsync(IServiceProvider services, string[] args)
    {
        var options = CliArguments.Parse(args, Usage, ["username"]);
        var userName = options.Required("username");
        return await WithUserAsync(services, userName, async (users, user) =>
        {
            var result = await users.UnlockAsync(user.Id, UserAdminActor.Operator("cli:users unlock"), CancellationToken.None);
            return await ReportAsync(result, result.Value ? $"'{userName}' is unlocked." : $"'{userName}' was not locked out.",
                $"could not unlock '{userName}'");
        });
    }

    private static async Task<int> ResetPasswordAsync(IServiceProvider services, string[] args)
    {
        var options = CliArguments.Parse(args, Usage, ["username", "password"], ["password-stdin"]);
        var userName = options.Required("username");
        var password = ReadPassword(options);
        return await WithUserAsync(services, userName, async (users, user) =>
        {
            var result = await users.ResetPasswordAsync(user.Id, password, UserAdminActor.Operator("cli:users reset-password"),
                CancellationToken.None);
            return await ReportAsync(result, $"The password of '{userName}' is reset; their sessions and access tokens are revoked.",
                $"could not reset the password of '{userName}'");
        });
    }

    private static async Task<int> WithUserAsync(IServiceProvider services, string userName,
        Func<UserAdministration, AppUser, Task<int>> action)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            await Console.Error.WriteLineAsync($"error: no user named '{userName}'");
            return CliApplication.Failure;
        }
        return await action(users, user);
    }

    private static async Task<int> ReportAsync(UserAdminResult result, string done, string failed)
    {
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync($"error: {failed}: {result.Describe()}");
            return CliApplication.Failure;
        }
        Console.WriteLine(done);
        return CliApplication.Success;
    }

    private static UserRole ReadRole(CliArguments options, bool required)
    {
        var text = required ? options.Required("role") : options.Value("role");
        if (text is null)
        {
            return UserRole.User;
        }
        return UserRoles.TryParse(text, out var role) ? role : throw options.Usage($"unknown role '{text}' (admin, auditor or user)");
    }

    private static string Describe(UserRole role) => role switch
    {
        UserRole.Admin => "an administrator",
        UserRole.Auditor => "an auditor",
        _ => "a plain user",
    };

    private static string ReadPassword(CliArguments options)
    {
        var fromStdin = options.Has("password-stdin");
        var given = options.Value("password");
        if (fromStdin == (given is not null))
        {
            throw options.Usage("give exactly one of --password and --password-stdin");
        }
        var password = fromStdin ? Console.In.ReadLine() : given;
        return string.IsNullOrEmpty(password) ? throw options.Usage("the password is empty") : password;
    }
}
