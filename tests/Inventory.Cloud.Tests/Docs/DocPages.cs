using System.Text.RegularExpressions;

namespace Inventory.Cloud.Tests.Docs;

/// <summary>One line of a page, with where it is, for messages that point at the line to fix.</summary>
public sealed record DocLine(string Page, int Number, string Text, bool InCode)
{
    public override string ToString() => $"{Page}:{Number}";
}

/// <summary>
/// The README and every page under docs/, read as lines. Sections under a heading that contains "Planned"
/// are left out of <see cref="CheckedLines"/>: they describe what is not built yet, on purpose.
/// </summary>
public static partial class DocPages
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Paths relative to the repository root, with '/' separators.</summary>
    public static IReadOnlyList<string> All { get; } = Find();

    public static IEnumerable<DocLine> Lines(string page)
    {
        var inCode = false;
        var number = 0;
        foreach (var text in File.ReadLines(Path.Combine(RepositoryRoot, page)))
        {
            number++;
            if (text.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inCode = !inCode;
                continue;
            }

            yield return new DocLine(page, number, text, inCode);
        }
    }

    /// <summary>Every line outside a "Planned" section (code blocks included: their curl lines name routes too).</summary>
    public static IEnumerable<DocLine> CheckedLines() => All.SelectMany(page =>
    {
        var plannedLevel = 0;
        return Lines(page).Where(line =>
        {
            if (!line.InCode && Heading(line.Text) is { } heading)
            {
                if (plannedLevel > 0 && heading.Level <= plannedLevel)
                {
                    plannedLevel = 0;
                }

                if (plannedLevel == 0 && heading.Title.Contains("Planned", StringComparison.OrdinalIgnoreCase))
                {
                    plannedLevel = heading.Level;
                }
            }

            return plannedLevel == 0;
        });
    });

    public static (int Level, string Title)? Heading(string text)
    {
        var match = HeadingPattern().Match(text);
        return match.Success ? (match.Groups[1].Length, match.Groups[2].Value.Trim()) : null;
    }

    /// <summary>GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens.</summary>
    public static string Anchor(string title)
    {
        var chars = title.ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_');
        return new string([.. chars]).Replace(' ', '-');
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Inventory.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("No Inventory.sln above " + AppContext.BaseDirectory);
    }

    private static List<string> Find()
    {
        var docs = Path.Combine(RepositoryRoot, "docs");
        return
        [
            "README.md",
            .. Directory.EnumerateFiles(docs, "*.md", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(RepositoryRoot, f).Replace('\\', '/'))
                .Order(StringComparer.Ordinal),
        ];
    }

    [GeneratedRegex(@"^(#{1,6})\s+(.+)$")]
    private static partial Regex HeadingPattern();
}
