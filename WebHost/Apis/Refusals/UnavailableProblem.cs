using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Lianxin.WebHost.Apis;

/// <summary>What the request needs is not there or is busy right now (503).</summary>
internal sealed class UnavailableProblem : Refusal, IEndpointMetadataProvider
{
    public UnavailableProblem(string? detail, IDictionary<string, object?>? extensions = null, string? title = null)
        : base(ProblemKind.Unavailable, detail, extensions, title)
    {
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, ProblemKind.Unavailable);
}
