using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Lianxin.WebHost.Apis;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.WebHost.Tests.OpenApi;

/// <summary>
/// Every refusal a route can answer is in the OpenAPI document: a handler names its answers in its return type (never an
/// untyped problem whose status only the code knows), and every status the handler's types and the route's filters
/// declare appears under the route, as problem details when it is a refusal.
/// </summary>
public sealed partial class RefusalDocumentTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>
{
    /// <summary>Answers that say nothing of their status, so a handler returning one could refuse with any.</summary>
    private static readonly Type[] Untyped = [typeof(IResult), typeof(object), typeof(ProblemHttpResult), typeof(Task), typeof(ValueTask)];

    [Fact]
    public void EveryHandlerNamesTheAnswersItCanGiveInItsReturnType()
    {
        var endpoints = DocumentedEndpoints();
        Assert.Contains(endpoints, e => e.Key == "PUT /api/v1/centers/{id}");

        var untyped = endpoints
            .Select(e => (e.Key, Leaves: Answers(e.Handler.ReturnType).Where(Untyped.Contains).ToList()))
            .Where(e => e.Leaves.Count > 0)
            .Select(e => $"{e.Key} returns {string.Join(", ", e.Leaves.Select(l => l.Name))}")
            .ToList();

        Assert.True(untyped.Count == 0, $"Return typed results (Results<…> of self-describing refusals): {string.Join("; ", untyped)}");
    }

    [Fact]
    public async Task EveryStatusARouteCanAnswerIsInTheDocumentAndEveryRefusalIsProblemDetails()
    {
        var document = await fixture.Host.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        var failures = new List<string>();

        foreach (var endpoint in DocumentedEndpoints())
        {
            var declared = Answers(endpoint.Handler.ReturnType).SelectMany(t => StatusesOf(t, endpoint.Handler))
                .Concat(endpoint.Metadata.GetOrderedMetadata<IProducesResponseTypeMetadata>().Select(m => m.StatusCode))
                .Distinct();
            if (!paths.TryGetProperty(endpoint.Path, out var path) || !path.TryGetProperty(endpoint.Method.ToLowerInvariant(), out var operation))
            {
                failures.Add($"{endpoint.Key} is not in the document");
                continue;
            }

            var responses = operation.GetProperty("responses");
            foreach (var status in declared)
            {
                if (!responses.TryGetProperty($"{status}", out var response))
                {
                    failures.Add($"{endpoint.Key} can answer {status}, which the document does not show");
                }
                else if (status >= 400 && !(response.TryGetProperty("content", out var content) && content.TryGetProperty("application/problem+json", out _)))
                {
                    failures.Add($"{endpoint.Key} answers {status} as something other than problem details");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("; ", failures));
    }

    /// <summary>
    /// The document is built from what the refusals declare, so each must declare what it answers: one status for a
    /// refusal of one kind, and for a refusal that is one of several, exactly the statuses of the refusals it is made from.
    /// </summary>
    [Fact]
    public void EveryRefusalDeclaresTheStatusesItAnswers()
    {
        var types = typeof(Program).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(IEndpointMetadataProvider).IsAssignableFrom(t) && t.BaseType?.Name == "Refusal")
            .ToList();
        // A refusal of one kind for every kind named; a refusal made from others is checked as made from the first of those.
        var kinds = typeof(Program).Assembly.GetTypes().Where(t => t.IsValueType && t.GetInterfaces().Any(i => i.Name == "IRefusalKind")).ToArray();
        var single = types.Single(t => t.IsGenericTypeDefinition && !t.GetMethods().Any(m => m.Name == "op_Implicit"));
        Type[] singles = [.. kinds.Select(k => single.MakeGenericType(k))];
        var refusals = singles.Concat(types.Where(t => t != single).Select(t => t.IsGenericTypeDefinition ? t.MakeGenericType(singles[..t.GetGenericArguments().Length]) : t)).ToList();
        var handler = typeof(RefusalDocumentTests).GetMethod(nameof(EveryRefusalDeclaresTheStatusesItAnswers))!;
        var failures = new List<string>();

        foreach (var refusal in refusals)
        {
            var declared = StatusesOf(refusal, handler).Order().ToList();
            var from = refusal.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.Name == "op_Implicit").Select(m => m.GetParameters()[0].ParameterType).ToList();
            var answered = from.Count > 0
                ? from.SelectMany(f => StatusesOf(f, handler)).Distinct().Order().ToList()
                : [((IStatusCodeHttpResult)Activator.CreateInstance(refusal, "why", null, null)!).StatusCode!.Value];
            if (!declared.SequenceEqual(answered))
            {
                failures.Add($"{refusal.Name} declares {string.Join(" ", declared)} but answers {string.Join(" ", answered)}");
            }
        }

        Assert.Equal(Enum.GetValues<ProblemKind>().Length, singles.Length);
        Assert.Contains(refusals, r => r.GetMethods().Any(m => m.Name == "op_Implicit"));
        Assert.True(failures.Count == 0, string.Join("; ", failures));
    }

    /// <summary>The answers a return type names: through tasks and nested <c>Results&lt;…&gt;</c> to the results themselves.</summary>
    private static IEnumerable<Type> Answers(Type type)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() is var open && (open == typeof(Task<>) || open == typeof(ValueTask<>)))
        {
            return Answers(type.GetGenericArguments()[0]);
        }

        return type.IsGenericType && type.Namespace == typeof(Ok).Namespace && type.Name.StartsWith("Results`", StringComparison.Ordinal)
            ? type.GetGenericArguments().SelectMany(Answers)
            : [type];
    }

    /// <summary>The statuses an answer's type declares for itself, as the host would add them to the route.</summary>
    private static IEnumerable<int> StatusesOf(Type answer, MethodInfo handler)
    {
        if (!typeof(IEndpointMetadataProvider).IsAssignableFrom(answer))
        {
            return [];
        }

        var builder = new RouteEndpointBuilder(null, RoutePatternFactory.Parse("/"), 0);
        typeof(RefusalDocumentTests).GetMethod(nameof(Populate), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(answer).Invoke(null, [handler, builder]);
        return builder.Metadata.OfType<IProducesResponseTypeMetadata>().Select(m => m.StatusCode);
    }

    private static void Populate<T>(MethodInfo handler, EndpointBuilder builder) where T : IEndpointMetadataProvider =>
        T.PopulateMetadata(handler, builder);

    /// <summary>The routes of the product's own handlers that the document describes, once per method.</summary>
    private List<DocumentedEndpoint> DocumentedEndpoints() =>
    [
        .. fixture.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(method => (Endpoint: e, Method: method)))
            .Select(e => (e.Endpoint, e.Method, Handler: e.Endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault()))
            .Where(e => e.Handler?.DeclaringType?.Assembly == typeof(Program).Assembly)
            .Select(e => new DocumentedEndpoint(e.Method, DocumentPath(e.Endpoint.RoutePattern.RawText!), e.Handler!, e.Endpoint.Metadata)),
    ];

    /// <summary>A route as the document names it: no constraints, no optional marks, no trailing slash.</summary>
    private static string DocumentPath(string route)
    {
        var path = Parameter().Replace(route, "{$1}").TrimEnd('/');
        return path.StartsWith('/') ? path : $"/{path}";
    }

    [GeneratedRegex(@"\{([^}:?=]+)[^}]*\}")]
    private static partial Regex Parameter();

    private sealed record DocumentedEndpoint(string Method, string Path, MethodInfo Handler, EndpointMetadataCollection Metadata)
    {
        public string Key => $"{Method} {Path}";
    }
}
