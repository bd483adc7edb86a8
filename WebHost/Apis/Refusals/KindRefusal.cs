using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Lianxin.WebHost.Apis;

/// <summary>A refusal of one <see cref="ProblemKind"/>, named by <typeparamref name="TKind"/>, that declares its own status.</summary>
internal sealed class KindRefusal<TKind> : Refusal, IEndpointMetadataProvider
    where TKind : IRefusalKind
{
    public KindRefusal(string? detail, IDictionary<string, object?>? extensions = null, string? title = null)
        : base(TKind.Kind, detail, extensions, title)
    {
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, TKind.Kind);
}

/// <summary>Names a <see cref="ProblemKind"/> as a type, so that a refusal's type says which one it is.</summary>
internal interface IRefusalKind
{
    static abstract ProblemKind Kind { get; }
}

/// <summary>Refused as sent for a reason no single field carries (400).</summary>
internal readonly struct BadRequestKind : IRefusalKind
{
    public static ProblemKind Kind => ProblemKind.BadRequest;
}

/// <summary>The target's state does not allow the request (409).</summary>
internal readonly struct ConflictKind : IRefusalKind
{
    public static ProblemKind Kind => ProblemKind.Conflict;
}

/// <summary>The target is outside the caller's scope, or the caller's role may not do this (403).</summary>
internal readonly struct ForbiddenKind : IRefusalKind
{
    public static ProblemKind Kind => ProblemKind.Forbidden;
}

/// <summary>The target does not exist (404).</summary>
internal readonly struct NotFoundKind : IRefusalKind
{
    public static ProblemKind Kind => ProblemKind.NotFound;
}

/// <summary>The caller asked more often than its limit allows (429).</summary>
internal readonly struct TooManyRequestsKind : IRefusalKind
{
    public static ProblemKind Kind => ProblemKind.TooManyRequests;
}

/// <summary>The request needs a caller it does not have (401).</summary>
internal readonly struct UnauthenticatedKind : IRefusalKind
{
    public static ProblemKind Kind => ProblemKind.Unauthenticated;
}

/// <summary>What the request needs is not there or is busy right now (503).</summary>
internal readonly struct UnavailableKind : IRefusalKind
{
    public static ProblemKind Kind => ProblemKind.Unavailable;
}

/// <summary>Well-formed, but it cannot be carried out as asked (422).</summary>
internal readonly struct UnprocessableKind : IRefusalKind
{
    public static ProblemKind Kind => ProblemKind.Unprocessable;
}
