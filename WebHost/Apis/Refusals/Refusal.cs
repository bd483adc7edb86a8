using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Lianxin.WebHost.Apis;

/// <summary>
/// A refusal as RFC 9457 problem details whose type says which <see cref="ProblemKind"/>s it can be: a handler that
/// names it in its <c>Results&lt;…&gt;</c> documents those statuses in the OpenAPI document without declaring them by
/// hand, and the status of each kind still comes from <see cref="ApiResults.StatusOf"/> alone.
/// </summary>
internal abstract class Refusal : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ProblemDetails>, IContentTypeHttpResult
{
    private readonly ProblemHttpResult _problem;

    protected Refusal(ProblemKind kind, string? detail, IDictionary<string, object?>? extensions, string? title)
    {
        Kind = kind;
        _problem = ApiResults.Problem(kind, detail, extensions, title);
    }

    /// <summary>The same answer as <paramref name="refusal"/>, as a type that declares its kind among others.</summary>
    protected Refusal(Refusal refusal)
    {
        Kind = refusal.Kind;
        _problem = refusal._problem;
    }

    public ProblemKind Kind { get; }

    public ProblemDetails Value => _problem.ProblemDetails;

    object? IValueHttpResult.Value => _problem.ProblemDetails;

    public int StatusCode => _problem.StatusCode;

    int? IStatusCodeHttpResult.StatusCode => _problem.StatusCode;

    public string ContentType => _problem.ContentType;

    string? IContentTypeHttpResult.ContentType => _problem.ContentType;

    public Task ExecuteAsync(HttpContext httpContext) => _problem.ExecuteAsync(httpContext);

    /// <summary>Documents each of <paramref name="kinds"/> as its status with problem details.</summary>
    protected static void Declare(EndpointBuilder builder, params ReadOnlySpan<ProblemKind> kinds)
    {
        foreach (var kind in kinds)
        {
            builder.Metadata.Add(new ProducesResponseTypeMetadata(ApiResults.StatusOf(kind), typeof(ProblemDetails), ["application/problem+json"]));
        }
    }

    /// <summary>The metadata of <typeparamref name="TRefusal"/> on an endpoint whose filter answers it before the handler runs.</summary>
    public static void DeclareOn<TRefusal>(EndpointBuilder builder) where TRefusal : Refusal, IEndpointMetadataProvider =>
        TRefusal.PopulateMetadata(builder.Metadata.OfType<MethodInfo>().FirstOrDefault() ?? typeof(TRefusal).GetMethod(nameof(ExecuteAsync))!, builder);
}
