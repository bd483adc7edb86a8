using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Lianxin.WebHost.Apis;

/// <summary>The target is outside the caller's scope, or the caller's role may not do this (403).</summary>
internal sealed class ForbiddenProblem : Refusal, IEndpointMetadataProvider
{
    public ForbiddenProblem(string? detail, IDictionary<string, object?>? extensions = null, string? title = null)
        : base(ProblemKind.Forbidden, detail, extensions, title)
    {
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, ProblemKind.Forbidden);
}
