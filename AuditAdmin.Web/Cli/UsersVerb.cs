using AuditAdmin.Core.Identity;

namespace AuditAdmin.Web.Cli;

/// <summary>"users create ...": creates an account from the command line (for example the first administrator).</summary>
internal static class UsersVerb
{
    public const string Usage = """
        usage: users create --username <name> --email <address> (--password <password> | --password-stdin)
                            [--admin] [--language en|fr|ja|ko|zh-Hans] [--time-zone <IANA id, e.g. Europe/Paris>]
          --password-stdin  read the password from the first line of standard input (keeps it out of the process list)
        """;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (args.Length == 0 || args[0] != "create")
        {
            throw new CliUsageException(args.Length == 0 ? "missing sub-command" : $"unknown sub-command '{args[0]}'", Usage);
        }
        var options = CliArguments.Parse(args[1..], Usage,
            ["username", "email", "password", "language", "time-zone"], ["admin", "password-stdin"]);
        var userName = options.Required("username");
        var email = options.Required("email");
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
        var isAdmin = options.Has("admin");
        var result = await users.CreateAsync(new NewUser(userName, email, password, isAdmin, language, timeZone),
            UserAdminActor.Operator("cli:users create"), CancellationToken.None);
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync($"error: could not create user '{userName}': {result.Describe()}");
            return CliApplication.Failure;
        }
        Console.WriteLine($"Created {(isAdmin ? "administrator" : "user")} '{userName}' (id {result.Value}).");
        return CliApplication.Success;
    }

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
