using System.Globalization;

namespace Inventory.Edge.Bench;

/// <summary>`--name value`, `--name=value` and bare `--flag` options after the command word.</summary>
internal sealed class BenchArgs
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _read = new(StringComparer.OrdinalIgnoreCase);

    private BenchArgs(string? command) => Command = command;

    public string? Command { get; }

    public bool Help => Has("help") || Has("h") || Command is "help" or "-h" or "--help";

    public static BenchArgs Parse(string[] args)
    {
        var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : null;
        var parsed = new BenchArgs(command);
        for (var i = command is null ? 0 : 1; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith('-'))
            {
                throw new BenchUsageException($"Unexpected argument '{arg}'.");
            }

            var name = arg.TrimStart('-');
            string? value = null;
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                value = name[(eq + 1)..];
                name = name[..eq];
            }
            else if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }

            parsed._options[name] = value;
        }

        return parsed;
    }

    public bool Has(string name)
    {
        _read.Add(name);
        return _options.ContainsKey(name);
    }

    public bool Flag(string name)
    {
        if (!Has(name))
        {
            return false;
        }

        var value = _options[name];
        return value is null || !bool.TryParse(value, out var b) || b;
    }

    public string? Text(string name)
    {
        _read.Add(name);
        if (!_options.TryGetValue(name, out var value))
        {
            return null;
        }

        return string.IsNullOrWhiteSpace(value) ? throw new BenchUsageException($"--{name} needs a value.") : value;
    }

    public int Int(string name, int fallback, int min, int max)
    {
        var text = Text(name);
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new BenchUsageException($"--{name} is a whole number from {min} to {max}.");
        }

        return value;
    }

    public double Seconds(string name, double fallback, double min, double max)
    {
        var text = Text(name);
        if (text is null)
        {
            return fallback;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new BenchUsageException($"--{name} is a number of seconds from {min} to {max}.");
        }

        return value;
    }

    public IReadOnlyList<int> IntList(string name, IReadOnlyList<int> fallback, int min, int max)
    {
        var text = Text(name);
        if (text is null)
        {
            return fallback;
        }

        var values = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            {
                throw new BenchUsageException($"--{name} is a comma-separated list of whole numbers from {min} to {max}.");
            }

            values.Add(value);
        }

        return values.Count > 0 ? values : throw new BenchUsageException($"--{name} needs at least one value.");
    }

    /// <summary>Options given but never asked for: most likely a typo, which would silently change a run.</summary>
    public void RejectUnknown()
    {
        var unknown = _options.Keys.Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new BenchUsageException("Unknown option(s): " + string.Join(", ", unknown.Select(u => "--" + u)) + ".");
        }
    }
}

internal sealed class BenchUsageException(string message) : Exception(message);
