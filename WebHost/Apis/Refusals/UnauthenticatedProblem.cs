using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Lianxin.WebHost.Apis;

/// <summary>The request needs a caller it does not have (401).</summary>
internal sealed class UnauthenticatedProblem : Refusal, IEndpointMetadataProvider
{
    public UnauthenticatedProblem(string? detail, IDictionary<string, object?>? extensions = null, string? title = null)
        : base(ProblemKind.Unauthenticated, detail, extensions, title)
    {
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, ProblemKind.Unauthenticated);
}
