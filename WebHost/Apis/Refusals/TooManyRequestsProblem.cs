using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Lianxin.WebHost.Apis;

/// <summary>The caller asked more often than its limit allows (429).</summary>
internal sealed class TooManyRequestsProblem : Refusal, IEndpointMetadataProvider
{
    public TooManyRequestsProblem(string? detail, IDictionary<string, object?>? extensions = null, string? title = null)
        : base(ProblemKind.TooManyRequests, detail, extensions, title)
    {
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, ProblemKind.TooManyRequests);
}
