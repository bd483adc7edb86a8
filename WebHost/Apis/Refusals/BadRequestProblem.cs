using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Lianxin.WebHost.Apis;

/// <summary>Refused as sent for a reason no single field carries (400).</summary>
internal sealed class BadRequestProblem : Refusal, IEndpointMetadataProvider
{
    public BadRequestProblem(string? detail, IDictionary<string, object?>? extensions = null, string? title = null)
        : base(ProblemKind.BadRequest, detail, extensions, title)
    {
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, ProblemKind.BadRequest);
}
