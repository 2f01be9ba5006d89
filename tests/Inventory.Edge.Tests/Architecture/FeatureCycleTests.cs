namespace Inventory.Edge.Tests.Architecture;

/// <summary>
/// Features of the edge depend one way: a feature that watches the ledger (live screens, alerts, sync) refers
/// to Features/Ledger, and the ledger knows none of them (it publishes LedgerNotifications and calls
/// ILedgerTransactionObserver). Read from the source, so no build of a second assembly and no package.
/// </summary>
public sealed class FeatureCycleTests
{
    /// <summary>
    /// Pairs of features still allowed to refer to each other. Delete a line once its cycle is cut, so the
    /// test holds the line from then on.
    /// </summary>
    private static readonly (string, string)[] KnownCycles =
    [
    ];

    private static readonly Lazy<FeatureReferences> Edge = new(() => FeatureReferences.Scan(FeaturesDirectory()));

    [Fact]
    public void Ledger_References_NeitherRealtimeNorAlerts()
    {
        var references = Edge.Value;

        Assert.False(references.References("Ledger", "Realtime"), Evidence(references, "Ledger", "Realtime"));
        Assert.False(references.References("Ledger", "Alerts"), Evidence(references, "Ledger", "Alerts"));
    }

    [Fact]
    public void Features_ReferToEachOther_NeverBothWays()
    {
        var references = Edge.Value;

        var cycles = references.Cycles(KnownCycles);

        Assert.True(cycles.Count == 0, string.Join(Environment.NewLine, cycles.Select(group =>
            $"Cycle between {string.Join(", ", group)}:{Environment.NewLine}" + string.Join(Environment.NewLine,
                references.Evidence.Where(e => group.Contains(e.Key.From) && group.Contains(e.Key.To))
                    .Select(e => $"  {e.Key.From} -> {e.Key.To} ({e.Value})")))));
    }

    [Fact]
    public void Scan_SeesTheReferencesThatExist()
    {
        // Guards the scanner itself: were it blind (a path or a pattern wrong), the tests above would pass on anything.
        var references = Edge.Value;

        Assert.Contains("Ledger", references.Features);
        Assert.True(references.References("Alerts", "Ledger"), "Alerts implements the ledger's observer interface.");
        Assert.True(references.References("Realtime", "Ledger"), "Realtime broadcasts the ledger's commits.");
    }

    [Theory]
    [InlineData("using Inventory.Edge.Features.Alerts;", true)]
    [InlineData("@using Inventory.Edge.Features.Alerts", true)]
    [InlineData("var d = new global::Inventory.Edge.Features.Alerts.AlertEvents();", true)]
    [InlineData("Features.Alerts.AlertEvents e;", true)]
    [InlineData("Alerts.AlertEvents e;", true)]
    [InlineData("options.Alerts.Recipients", false)]
    [InlineData("// see Inventory.Edge.Features.Alerts", false)]
    [InlineData("var s = \"Inventory.Edge.Features.Alerts\";", false)]
    [InlineData("var s = \"\"\"\n Inventory.Edge.Features.Alerts.AlertEvents\n \"\"\";", false)]
    [InlineData("Alerts.NoSuchType x;", false)]
    public void Scan_OneLine_FindsCodeNotComments(string line, bool referencesAlerts)
    {
        var root = Directory.CreateTempSubdirectory("features-");
        try
        {
            Directory.CreateDirectory(Path.Combine(root.FullName, "Alerts"));
            File.WriteAllText(Path.Combine(root.FullName, "Alerts", "AlertEvents.cs"),
                "namespace Inventory.Edge.Features.Alerts;\npublic sealed class AlertEvents;\n");
            Directory.CreateDirectory(Path.Combine(root.FullName, "Ledger"));
            File.WriteAllText(Path.Combine(root.FullName, "Ledger", "Writer.cs"), line + "\n");

            var references = FeatureReferences.Scan(root.FullName);

            Assert.Equal(referencesAlerts, references.References("Ledger", "Alerts"));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static string Evidence(FeatureReferences references, string from, string to) =>
        $"{from} refers to {to}: {references.Evidence.GetValueOrDefault((from, to))}";

    private static string FeaturesDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "edge", "Inventory.Edge", "Features");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("edge/Inventory.Edge/Features above " + AppContext.BaseDirectory);
    }
}
