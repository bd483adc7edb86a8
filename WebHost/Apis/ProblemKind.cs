namespace Lianxin.WebHost.Apis;

/// <summary>
/// Why the API refuses a request, as every feature answers it: each kind has one status code, given in
/// <see cref="ApiResults.StatusOf"/> and nowhere else, and one refusal type that declares it (WebHost/Apis/Refusals).
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

    /// <summary>Refused as sent for a reason no single field carries, such as a wrong sign-in code (400).</summary>
    BadRequest,

    /// <summary>The caller asked more often than its limit allows (429).</summary>
    TooManyRequests,

    /// <summary>What the request needs is not there or is busy right now; the same request may succeed later (503).</summary>
    Unavailable,
}
