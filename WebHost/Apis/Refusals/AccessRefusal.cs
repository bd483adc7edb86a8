using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Lianxin.WebHost.Apis;

/// <summary>An access check's refusal: the target does not exist (404) or is not the caller's to reach (403).</summary>
internal sealed class AccessRefusal : Refusal, IEndpointMetadataProvider
{
    private AccessRefusal(Refusal refusal)
        : base(refusal)
    {
    }

    [return: NotNullIfNotNull(nameof(refusal))]
    public static implicit operator AccessRefusal?(NotFoundProblem? refusal) => refusal is null ? null : new(refusal);

    [return: NotNullIfNotNull(nameof(refusal))]
    public static implicit operator AccessRefusal?(ForbiddenProblem? refusal) => refusal is null ? null : new(refusal);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, ProblemKind.Forbidden, ProblemKind.NotFound);
}
