namespace AuditAdmin.Web.Cli;

/// <summary>Bad or missing command-line arguments: the verb's usage is printed and the exit code is 2.</summary>
public sealed class CliUsageException(string message, string usage) : Exception(message)
{
    public string Usage { get; } = usage;
}

/// <summary>
/// The options of one verb: "--name value", "--name=value" and "--flag". Anything unknown, repeated or
/// positional is a usage error, so a typo never silently changes what a command does.
/// </summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly string _usage;

    private CliArguments(string usage) => _usage = usage;

    public static CliArguments Parse(IReadOnlyList<string> args, string usage, IReadOnlyCollection<string> valueOptions,
        IReadOnlyCollection<string>? flagOptions = null)
    {
        var parsed = new CliArguments(usage);
        flagOptions ??= [];
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw parsed.Usage($"unexpected argument '{arg}'");
            }
            var name = arg[2..];
            string? inlineValue = null;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                inlineValue = name[(equals + 1)..];
                name = name[..equals];
            }
            if (flagOptions.Contains(name))
            {
                if (inlineValue is not null)
                {
                    throw parsed.Usage($"--{name} takes no value");
                }
                if (!parsed._flags.Add(name))
                {
                    throw parsed.Usage($"--{name} is given twice");
                }
            }
            else if (valueOptions.Contains(name))
            {
                var value = inlineValue ?? (i + 1 < args.Count ? args[++i] : throw parsed.Usage($"--{name} needs a value"));
                if (!parsed._values.TryAdd(name, value))
                {
                    throw parsed.Usage($"--{name} is given twice");
                }
            }
            else
            {
                throw parsed.Usage($"unknown option '--{name}'");
            }
        }
        return parsed;
    }

    public string? Value(string name) => _values.GetValueOrDefault(name);

    public string Required(string name) =>
        _values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : throw Usage($"--{name} is required");

    public bool Has(string flag) => _flags.Contains(flag);

    public CliUsageException Usage(string message) => new(message, _usage);
}
