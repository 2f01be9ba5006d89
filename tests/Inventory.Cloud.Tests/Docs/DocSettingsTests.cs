using System.Reflection;
using System.Text.RegularExpressions;
using Inventory.Cloud;
using Inventory.Edge;

namespace Inventory.Cloud.Tests.Docs;

/// <summary>
/// Every <c>Inventory:...</c> setting the docs name (or its environment form <c>Inventory__...</c>) is a
/// property that the edge or the cloud binds: a documented setting that nothing reads would be silently ignored
/// on a box.
/// </summary>
public sealed partial class DocSettingsTests
{
    [Fact]
    public void Every_documented_setting_is_bound_by_a_host()
    {
        var known = BoundKeys();
        var missing = new List<string>();
        foreach (var line in DocPages.CheckedLines())
        {
            foreach (Match match in SettingPattern().Matches(line.Text))
            {
                var key = match.Value.Replace("__", ":", StringComparison.Ordinal).TrimEnd(':');
                var wildcard = key.EndsWith(":*", StringComparison.Ordinal);
                key = wildcard ? key[..^2] : key;
                if (!known.Contains(key))
                {
                    missing.Add($"{line}: {match.Value}");
                }
            }
        }

        Assert.True(missing.Count == 0, "Settings named in the docs that no options class binds:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void The_settings_page_names_every_bound_setting()
    {
        var page = string.Join('\n', DocPages.Lines("docs/operations/settings.md").Select(l => l.Text));
        var documented = SettingPattern().Matches(page).Select(m => m.Value.Replace("__", ":", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var leaves = BoundKeys(leavesOnly: true).Where(k => !documented.Contains(k)).Order(StringComparer.Ordinal).ToList();
        Assert.True(leaves.Count == 0, "Settings the hosts bind that docs/operations/settings.md does not list:\n" + string.Join('\n', leaves));
    }

    /// <summary>
    /// Every section an options class declares (its <c>Section</c> constant), and every property path below it
    /// that configuration binding can set, in the edge and in the cloud.
    /// </summary>
    private static HashSet<string> BoundKeys(bool leavesOnly = false)
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Assembly[] hosts = [typeof(EdgeOptions).Assembly, typeof(CloudOptions).Assembly];
        foreach (var type in hosts.SelectMany(a => a.GetTypes()))
        {
            if (type.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field &&
                field.GetRawConstantValue() is string section && section.StartsWith("Inventory", StringComparison.Ordinal))
            {
                Walk(type, section, keys, leavesOnly);
            }
        }

        return keys;
    }

    private static void Walk(Type type, string path, HashSet<string> keys, bool leavesOnly)
    {
        if (!leavesOnly)
        {
            keys.Add(path);
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            var child = path + ":" + property.Name;
            if (IsNested(property.PropertyType))
            {
                Walk(property.PropertyType, child, keys, leavesOnly);
            }
            else if (property.SetMethod is { IsPublic: true })
            {
                keys.Add(child);
            }
        }
    }

    /// <summary>An options class of ours inside another (Inventory:Mqtt inside Inventory), bound member by member.</summary>
    private static bool IsNested(Type type) =>
        type.IsClass && type != typeof(string) && type.Namespace?.StartsWith("Inventory", StringComparison.Ordinal) == true;

    // Inventory:Site:Code, Inventory__Cloud__Url, Inventory:Smtp:* (a whole section).
    [GeneratedRegex(@"\bInventory(?:(?::|__)[A-Za-z][A-Za-z0-9]*)+(?::\*)?")]
    private static partial Regex SettingPattern();
}
