namespace Lianxin.WebHost.Apis;

/// <summary>
/// Why the API refuses a request, as every feature answers it: each kind has one status code, given in
/// <see cref="ApiResults.Problem"/> and nowhere else.
/// </summary>
public enum ProblemKind
{
    /// <summary>The request needs a caller it does not have (401).</summary>
    Unauthenticated,

    /// <summary>The target exists outside the caller's scope, or the caller's role may not do this (403).</summary>
    Forbidden,

    /// <summary>The target does not exist (404).</summary>
    NotFound,

    /// <summary>The target's state does not allow it (409).</summary>
    Conflict,

    /// <summary>Well-formed, but it cannot be carried out as asked (422).</summary>
    Unprocessable,
}
