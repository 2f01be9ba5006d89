using System.Text.RegularExpressions;

namespace Inventory.Edge.Tests.Architecture;

/// <summary>
/// Which edge feature namespaces each feature folder (<c>edge/Inventory.Edge/Features/X/**</c>, its .cs and
/// .cshtml files) refers to, read from the source: using directives and qualified names
/// (<c>Inventory.Edge.Features.X.T</c>, <c>Features.X.T</c>, and <c>X.T</c> where T is a type declared in X).
/// Comments and string literals are left out, so a sentence that names a feature is no reference.
/// </summary>
internal sealed partial class FeatureReferences
{
    private FeatureReferences(IReadOnlyList<string> features, IReadOnlyDictionary<(string From, string To), string> evidence)
    {
        Features = features;
        Evidence = evidence;
    }

    public IReadOnlyList<string> Features { get; }

    /// <summary>Each reference between two different features, with the first file and text that makes it.</summary>
    public IReadOnlyDictionary<(string From, string To), string> Evidence { get; }

    public bool References(string from, string to) => Evidence.ContainsKey((from, to));

    public static FeatureReferences Scan(string featuresDirectory)
    {
        var features = Directory.GetDirectories(featuresDirectory).Select(Path.GetFileName).OfType<string>()
            .Order(StringComparer.Ordinal).ToList();
        var sources = features.ToDictionary(f => f, f => Directory
            .EnumerateFiles(Path.Combine(featuresDirectory, f), "*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".cs", StringComparison.Ordinal) || p.EndsWith(".cshtml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => (Path: Path.GetRelativePath(featuresDirectory, p), Code: WithoutCommentsAndStrings(File.ReadAllText(p))))
            .ToList());
        var qualified = new Regex(
            $@"(?<![\w.])(?:global::)?(?:Inventory\.Edge\.Features|Edge\.Features|Features)\.({string.Join('|', features)})\b");
        var bare = features.ToDictionary(f => f, f => DeclaredTypes(sources[f]) is { Count: > 0 } types
            ? new Regex($@"(?<![\w.]){f}\.(?:{string.Join('|', types)})\b")
            : null);

        var evidence = new Dictionary<(string, string), string>();
        foreach (var from in features)
        {
            foreach (var (path, code) in sources[from])
            {
                foreach (Match match in qualified.Matches(code))
                {
                    evidence.TryAdd((from, match.Groups[1].Value), $"{path}: {match.Value}");
                }

                foreach (var to in features)
                {
                    if (bare[to]?.Match(code) is { Success: true } match)
                    {
                        evidence.TryAdd((from, to), $"{path}: {match.Value}");
                    }
                }
            }
        }

        foreach (var feature in features)
        {
            evidence.Remove((feature, feature));
        }

        return new FeatureReferences(features, evidence);
    }

    /// <summary>Groups of two or more features that reach each other through their references (cycles), leaving out the given pairs.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles(IEnumerable<(string, string)> ignoredPairs)
    {
        var ignored = ignoredPairs.SelectMany(p => new[] { p, (p.Item2, p.Item1) }).ToHashSet();
        var edges = Evidence.Keys.Where(e => !ignored.Contains(e)).ToLookup(e => e.From, e => e.To);
        var reach = Features.ToDictionary(f => f, f => Reachable(f, edges));
        return Features
            .Select(f => Features.Where(g => g == f || (reach[f].Contains(g) && reach[g].Contains(f))).ToList())
            .Where(group => group.Count > 1)
            .DistinctBy(group => string.Join(',', group))
            .ToList<IReadOnlyList<string>>();
    }

    private static HashSet<string> Reachable(string start, ILookup<string, string> edges)
    {
        var seen = new HashSet<string>();
        var next = new Stack<string>(edges[start]);
        while (next.TryPop(out var feature))
        {
            if (seen.Add(feature))
            {
                foreach (var to in edges[feature])
                {
                    next.Push(to);
                }
            }
        }

        return seen;
    }

    private static List<string> DeclaredTypes(IEnumerable<(string Path, string Code)> sources) => sources
        .SelectMany(s => TypeDeclaration().Matches(s.Code))
        .Select(m => m.Groups[1].Value)
        .Distinct(StringComparer.Ordinal)
        .ToList();

    /// <summary>Blanks comments and literals (raw, verbatim, regular strings; chars; Razor comments), keeping code.</summary>
    internal static string WithoutCommentsAndStrings(string source) => CommentOrLiteral().Replace(source, " ");

    [GeneratedRegex(@"\b(?:class|interface|enum|struct|record(?:\s+(?:class|struct))?)\s+(\w+)")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"""{3,}[\s\S]*?""{3,}|//[^\n]*|/\*[\s\S]*?\*/|@\*[\s\S]*?\*@|@""(?:[^""]|"""")*""|""(?:\\.|[^""\\\n])*""|'(?:\\.|[^'\\\n])'")]
    private static partial Regex CommentOrLiteral();
}
