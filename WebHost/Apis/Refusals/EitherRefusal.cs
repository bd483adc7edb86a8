using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Lianxin.WebHost.Apis;

/// <summary>
/// A refusal that is either a <typeparamref name="T1"/> or a <typeparamref name="T2"/> and declares both: for a check
/// (an endpoint filter's, say) whose refusals do not fit one named type.
/// </summary>
internal sealed class EitherRefusal<T1, T2> : Refusal, IEndpointMetadataProvider
    where T1 : Refusal, IEndpointMetadataProvider
    where T2 : Refusal, IEndpointMetadataProvider
{
    private EitherRefusal(Refusal refusal)
        : base(refusal)
    {
    }

    [return: NotNullIfNotNull(nameof(refusal))]
    public static implicit operator EitherRefusal<T1, T2>?(T1? refusal) => refusal is null ? null : new(refusal);

    [return: NotNullIfNotNull(nameof(refusal))]
    public static implicit operator EitherRefusal<T1, T2>?(T2? refusal) => refusal is null ? null : new(refusal);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        T1.PopulateMetadata(method, builder);
        T2.PopulateMetadata(method, builder);
    }
}
