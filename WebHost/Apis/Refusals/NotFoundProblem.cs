using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Lianxin.WebHost.Apis;

/// <summary>The target does not exist (404).</summary>
internal sealed class NotFoundProblem : Refusal, IEndpointMetadataProvider
{
    public NotFoundProblem(string? detail, IDictionary<string, object?>? extensions = null, string? title = null)
        : base(ProblemKind.NotFound, detail, extensions, title)
    {
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, ProblemKind.NotFound);
}
