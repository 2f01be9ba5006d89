using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inventory.Testing;

/// <summary>
/// A host's OpenAPI document against its checked-in copy under docs/contracts/openapi, so a change of the HTTP
/// contract is a change of that file in the same commit, seen in review. INVENTORY_UPDATE_OPENAPI=1 writes the
/// served document there instead of comparing.
/// </summary>
public static class OpenApiContract
{
    public const string UpdateVariable = "INVENTORY_UPDATE_OPENAPI";

    private static readonly JsonSerializerOptions Pretty = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        // Summaries hold quotes, '<' and non-ASCII text: kept as written, so the file reads as the reference it is.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Pretty-printed with every object's keys in ordinal order, and without <c>servers</c> (the test host's URL and
    /// port): the same contract gives the same text whatever the run or the order endpoints were mapped in.
    /// </summary>
    public static string Normalize(string document)
    {
        var root = JsonNode.Parse(document)?.AsObject() ?? throw new InvalidOperationException("The OpenAPI document is not a JSON object.");
        root.Remove("servers");
        return Sorted(root)!.ToJsonString(Pretty) + "\n";
    }

    /// <summary>Null when the served document matches the checked-in one (or was just written there); else why not.</summary>
    public static string? Check(string servedDocument, string fileName)
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "contracts", "openapi", fileName);
        var served = Normalize(servedDocument);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, served);
            return null;
        }

        var update = $"If the change is meant, run this test with {UpdateVariable}=1 to write the new document to "
            + $"docs/contracts/openapi/{fileName}, and commit it.";
        if (!File.Exists(path))
        {
            return $"docs/contracts/openapi/{fileName} does not exist. {update}";
        }

        var checkedIn = File.ReadAllText(path).ReplaceLineEndings("\n");
        return checkedIn == served ? null : $"The served OpenAPI document differs from docs/contracts/openapi/{fileName}:\n"
            + FirstDifference(checkedIn, served) + "\n" + update;
    }

    /// <summary>
    /// Operations that do not say what they answer: no operationId, a duplicate one, no summary, or no 2xx response
    /// with a schema or a content type. A 204 counts as said: No Content has no body to describe.
    /// </summary>
    public static IReadOnlyList<string> UndescribedOperations(string document)
    {
        var problems = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var paths = JsonNode.Parse(document)?["paths"]?.AsObject() ?? [];
        foreach (var (path, item) in paths)
        {
            foreach (var (method, node) in item!.AsObject())
            {
                if (node is not JsonObject operation || method is "parameters" or "summary" or "description" or "servers")
                {
                    continue;
                }

                var name = $"{method.ToUpperInvariant()} {path}";
                var id = operation["operationId"]?.GetValue<string>();
                if (string.IsNullOrWhiteSpace(id))
                {
                    problems.Add($"{name}: no operationId (.WithName)");
                }
                else if (!ids.Add(id))
                {
                    problems.Add($"{name}: operationId {id} is used twice");
                }

                if (string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()))
                {
                    problems.Add($"{name}: no summary (.WithSummary)");
                }

                if (!HasDescribedSuccess(operation["responses"] as JsonObject))
                {
                    problems.Add($"{name}: no 2xx response with a schema or a content type (typed results or .Produces)");
                }
            }
        }

        return problems;
    }

    /// <summary>The folder that holds Inventory.sln, found by walking up from the test's directory.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Inventory.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Inventory.sln above {AppContext.BaseDirectory}.");
    }

    private static bool HasDescribedSuccess(JsonObject? responses)
    {
        foreach (var (status, response) in responses ?? [])
        {
            if (status == "204")
            {
                return true;
            }

            if (status.StartsWith('2') && response?["content"] is JsonObject { Count: > 0 })
            {
                return true;
            }
        }

        return false;
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value?.DeepClone())))),
        JsonArray a => new JsonArray([.. a.Select(e => Sorted(e?.DeepClone()))]),
        _ => node?.DeepClone(),
    };

    private static string FirstDifference(string expected, string actual)
    {
        var want = expected.Split('\n');
        var got = actual.Split('\n');
        var first = 0;
        while (first < want.Length && first < got.Length && want[first] == got[first])
        {
            first++;
        }

        var text = new StringBuilder();
        var from = Math.Max(0, first - 3);
        for (var i = from; i < first; i++)
        {
            text.Append(LineNumber(i + 1)).Append("   ").AppendLine(want[i]);
        }

        for (var i = first; i < Math.Min(want.Length, first + 12); i++)
        {
            text.Append(LineNumber(i + 1)).Append(" - ").AppendLine(want[i]);
        }

        for (var i = first; i < Math.Min(got.Length, first + 12); i++)
        {
            text.Append(LineNumber(i + 1)).Append(" + ").AppendLine(got[i]);
        }

        return text.ToString();
    }

    private static string LineNumber(int line) => line.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(6);
}
