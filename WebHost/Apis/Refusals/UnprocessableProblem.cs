using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Lianxin.WebHost.Apis;

/// <summary>Well-formed, but it cannot be carried out as asked (422).</summary>
internal sealed class UnprocessableProblem : Refusal, IEndpointMetadataProvider
{
    public UnprocessableProblem(string? detail, IDictionary<string, object?>? extensions = null, string? title = null)
        : base(ProblemKind.Unprocessable, detail, extensions, title)
    {
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, ProblemKind.Unprocessable);
}
