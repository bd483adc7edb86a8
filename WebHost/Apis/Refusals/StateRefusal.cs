using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Lianxin.WebHost.Apis;

/// <summary>An actor's refusal of a command: its target does not exist (404) or its state does not allow it (409).</summary>
internal sealed class StateRefusal : Refusal, IEndpointMetadataProvider
{
    private StateRefusal(Refusal refusal)
        : base(refusal)
    {
    }

    [return: NotNullIfNotNull(nameof(refusal))]
    public static implicit operator StateRefusal?(NotFoundProblem? refusal) => refusal is null ? null : new(refusal);

    [return: NotNullIfNotNull(nameof(refusal))]
    public static implicit operator StateRefusal?(ConflictProblem? refusal) => refusal is null ? null : new(refusal);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, ProblemKind.NotFound, ProblemKind.Conflict);
}
