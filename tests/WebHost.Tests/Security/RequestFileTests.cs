using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.WebHost.Tests.Security;

/// <summary>
/// <c>WebHost/WebHost.http</c> holds a request for every endpoint of the host's route table, so whoever adds a route
/// adds its request: the file is how people try the API by hand.
/// </summary>
[Collection(SecurityDistrictCollection.Name)]
[Trait("Needs", "PostgreSQL")]
public sealed partial class RequestFileTests(SecurityDistrict district)
{
    /// <summary>Routes one does not call by hand: the assets of the API reference page, and the live hub (a SignalR connection, not a request).</summary>
    private static readonly HashSet<string> NotRequests = new(StringComparer.Ordinal)
    {
        "/api/scalar.js", "/api/scalar.aspnetcore.js", "/api/favicon.svg", "/hubs/live/negotiate", "/hubs/live",
    };

    [Fact]
    public void EveryEndpointOfTheHostHasARequestInTheRequestFile()
    {
        var requests = Requests(File.ReadAllText(RequestFile())).ToList();

        var missing = district.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !NotRequests.Contains(e.RoutePattern.RawText ?? ""))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => (Method: m, Route: e.RoutePattern.RawText ?? "")))
            .Distinct()
            .Where(e => !requests.Any(r => (e.Method == "*" || r.Method == e.Method) && Pattern(e.Route).IsMatch(r.Path)))
            .Select(e => $"{e.Method} {e.Route}")
            .ToList();

        Assert.True(missing.Count == 0, $"Add a request for these endpoints to WebHost/WebHost.http: {string.Join("; ", missing)}");
    }

    [Fact]
    public void TheCheckNoticesARouteWithoutARequest()
    {
        var requests = Requests("GET {{host}}/api/v1/centers/{{center}}\n").ToList();

        Assert.Matches(Pattern("/api/v1/centers/{id}"), requests.Single().Path);
        Assert.DoesNotMatch(Pattern("/api/v1/centers/{id}/children"), requests.Single().Path);
        Assert.Matches(Pattern("/api/v1/centers/"), "/api/v1/centers");
        Assert.Matches(Pattern("/api/v1/governance/centers/{id}/ratings/{year:int}.csv"), "/api/v1/governance/centers/ld/ratings/2026.csv");
    }

    /// <summary>The request lines of an .http file: method and path, variables as one segment, without the query.</summary>
    private static IEnumerable<(string Method, string Path)> Requests(string file) =>
        RequestLine().Matches(file).Select(m => (m.Groups["method"].Value, Normalize(VariableSegment().Replace(m.Groups["path"].Value, "x"))));

    /// <summary>A route pattern as a regular expression: each parameter one segment (optional ones may be absent).</summary>
    private static Regex Pattern(string route)
    {
        var expression = Regex.Escape(Normalize(route));
        expression = Regex.Replace(expression, @"/\\\{[^}]*\?}", "(/[^/]+)?");
        expression = Regex.Replace(expression, @"\\\{[^}]*}", "[^/]+");
        return new Regex($"^{expression}$", RegexOptions.CultureInvariant);
    }

    private static string Normalize(string path) => path.Length > 1 ? path.TrimEnd('/') : path;

    private static string RequestFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "WebHost", "WebHost.http");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("WebHost/WebHost.http was not found above the test's directory.");
    }

    [GeneratedRegex(@"^(?<method>GET|POST|PUT|DELETE|PATCH) \{\{host\}\}(?<path>[^?\s]*)", RegexOptions.Multiline)]
    private static partial Regex RequestLine();

    [GeneratedRegex(@"\{\{[^}]+\}\}")]
    private static partial Regex VariableSegment();
}
