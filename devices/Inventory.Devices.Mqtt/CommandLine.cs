namespace Inventory.Devices.Mqtt;

/// <summary>`--name value` / `--name=value` / `--flag` options, with environment fallbacks for secrets.</summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.OrdinalIgnoreCase);

    public CommandLine(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{arg}'. See --help.");
            }

            var name = arg[2..];
            string? value = null;
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                value = name[(eq + 1)..];
                name = name[..eq];
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }

            _options[name] = value;
        }
    }

    public bool Help => _options.ContainsKey("help") || _options.ContainsKey("h");

    public bool Flag(string name) => _options.ContainsKey(name);

    public string? Get(string name, string? environment = null) =>
        _options.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value)
            ? value
            : environment is null ? null : Environment.GetEnvironmentVariable(environment);

    public string Require(string name, string? environment = null) =>
        Get(name, environment) ?? throw new ArgumentException(
            $"--{name} is required{(environment is null ? "" : $" (or the environment variable {environment})")}. See --help.");

    public int Number(string name, int fallback) =>
        Get(name) is { } text
            ? int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new ArgumentException($"--{name} is a whole number.")
            : fallback;
}
