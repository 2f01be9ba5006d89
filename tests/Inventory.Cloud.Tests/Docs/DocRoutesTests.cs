using System.Text.RegularExpressions;
using Inventory.Cloud.Tests.Infrastructure;
using Inventory.Edge.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Cloud.Tests.Docs;

/// <summary>
/// Every <c>/api/...</c> and <c>/hubs/...</c> route the docs name is mapped by the real edge or the real cloud
/// (read from each running host's endpoints), with the method the docs give it. Planned endpoints belong under a
/// heading that says "Planned".
/// </summary>
public sealed partial class DocRoutesTests(DocRoutesTests.Hosts hosts) : IClassFixture<DocRoutesTests.Hosts>
{
    public sealed record Route(string Host, string? Method, IReadOnlyList<string> Segments);

    /// <summary>A real edge (wired to the cloud, so its sync endpoints are mapped as on a box) and a real cloud.</summary>
    public sealed class Hosts : IAsyncLifetime
    {
        private EdgeHost? _edge;

        public CloudHost Cloud { get; } = new();

        public List<Route> Routes { get; } = [];

        public async Task InitializeAsync()
        {
            await Cloud.InitializeAsync();
            _edge = await Fleet.StartEdgeAsync(Cloud, "DOC1");
            Routes.AddRange(RoutesOf("edge", _edge.Services));
            Routes.AddRange(RoutesOf("cloud", Cloud.Services));
        }

        public async Task DisposeAsync()
        {
            if (_edge is not null)
            {
                await _edge.DisposeAsync();
            }

            await Cloud.DisposeAsync();
        }

        private static IEnumerable<Route> RoutesOf(string host, IServiceProvider services) =>
            services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().SelectMany(endpoint =>
            {
                var segments = endpoint.RoutePattern.PathSegments.Select(Segment).ToList();
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
                return methods is { Count: > 0 }
                    ? methods.Select(m => new Route(host, m, segments))
                    : [new Route(host, null, segments)];
            });

        /// <summary>A literal segment as text; a parameter (of any constraint) as "{}", a catch-all as "**".</summary>
        private static string Segment(RoutePatternPathSegment segment) =>
            segment.IsSimple && segment.Parts[0] is RoutePatternLiteralPart literal ? literal.Content
            : segment.Parts.OfType<RoutePatternParameterPart>().Any(p => p.IsCatchAll) ? "**"
            : "{}";
    }

    [Fact]
    public void Every_documented_route_is_mapped_by_the_edge_or_the_cloud()
    {
        Assert.NotEmpty(hosts.Routes);
        var missing = new List<string>();
        var checkedCount = 0;
        foreach (var line in DocPages.CheckedLines())
        {
            foreach (Match match in RoutePattern().Matches(line.Text))
            {
                var method = match.Groups["method"].Success ? match.Groups["method"].Value : null;
                var path = match.Groups["path"].Value;
                if (path.Contains("...", StringComparison.Ordinal) || path.Contains('…', StringComparison.Ordinal))
                {
                    continue; // "/api/..." speaks of routes in general.
                }

                path = path.TrimEnd('.', '/');

                checkedCount++;
                var segments = path.Trim('/').Split('/');
                if (!hosts.Routes.Any(r => Matches(r, method, segments)))
                {
                    missing.Add($"{line}: {(method is null ? "" : method + " ")}{path}");
                }
            }
        }

        Assert.True(checkedCount > 50, $"Only {checkedCount} routes found in the docs: is the pattern still right?");
        Assert.True(missing.Count == 0, "Routes named in the docs that neither host maps (or not with that method):\n" + string.Join('\n', missing));
    }

    private static bool Matches(Route route, string? method, string[] segments)
    {
        if (method is not null && route.Method is not null && !string.Equals(method, route.Method, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        for (var i = 0; i < route.Segments.Count; i++)
        {
            if (route.Segments[i] == "**")
            {
                return true;
            }

            if (i >= segments.Length)
            {
                return false;
            }

            var documented = segments[i];
            var isParameter = documented.StartsWith('{') || documented.StartsWith('$');
            if (route.Segments[i] == "{}" ? false : isParameter || !string.Equals(route.Segments[i], documented, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return segments.Length == route.Segments.Count;
    }

    // "POST /api/products", "`/api/products/{id}/label?format=`", "$E/api/devices/S1" (curl lines: $VAR is a parameter).
    [GeneratedRegex(@"(?:\b(?<method>GET|POST|PUT|DELETE|PATCH)\s+`?)?(?<path>/(?:api|hubs)/[A-Za-z0-9_\-./{}$…]*)")]
    private static partial Regex RoutePattern();
}
