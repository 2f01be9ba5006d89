using System.Text.RegularExpressions;

namespace Inventory.Cloud.Tests.Docs;

/// <summary>Every relative link of the README and docs/ leads to a file that exists, and to a heading of it when it names one.</summary>
public sealed partial class DocLinksTests
{
    [Fact]
    public void Every_relative_link_points_to_an_existing_file_and_heading()
    {
        var broken = new List<string>();
        foreach (var line in DocPages.All.SelectMany(DocPages.Lines).Where(l => !l.InCode))
        {
            foreach (Match match in LinkPattern().Matches(line.Text))
            {
                var target = match.Groups[1].Value;
                if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
                {
                    continue;
                }

                var hash = target.IndexOf('#', StringComparison.Ordinal);
                var file = hash >= 0 ? target[..hash] : target;
                var anchor = hash >= 0 ? target[(hash + 1)..] : null;
                var page = file.Length == 0
                    ? line.Page
                    : Path.GetRelativePath(DocPages.RepositoryRoot, Path.GetFullPath(Path.Combine(DocPages.RepositoryRoot, Path.GetDirectoryName(line.Page)!, file))).Replace('\\', '/');
                var full = Path.Combine(DocPages.RepositoryRoot, page);
                if (!File.Exists(full) && !Directory.Exists(full))
                {
                    broken.Add($"{line}: {target} (no file {page})");
                }
                else if (anchor is not null && page.EndsWith(".md", StringComparison.Ordinal) && !Anchors(page).Contains(anchor))
                {
                    broken.Add($"{line}: {target} (no heading #{anchor} in {page})");
                }
            }
        }

        Assert.True(broken.Count == 0, "Broken links:\n" + string.Join('\n', broken));
    }

    [Fact]
    public void The_readme_stays_a_front_door()
    {
        var lines = File.ReadAllLines(Path.Combine(DocPages.RepositoryRoot, "README.md")).Length;
        Assert.True(lines <= 200, $"README.md has {lines} lines; move detail into a page under docs/ (see docs/index.md).");
    }

    private static HashSet<string> Anchors(string page) =>
        [.. DocPages.Lines(page).Where(l => !l.InCode).Select(l => DocPages.Heading(l.Text)).OfType<(int, string Title)>().Select(h => DocPages.Anchor(h.Title))];

    // [text](target) and ![alt](target); the target ends at the first space or closing parenthesis.
    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex LinkPattern();
}
