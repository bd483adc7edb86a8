using Lianxin.Common;
using Lianxin.WebHost.Security;

namespace Lianxin.WebHost.Apis;

/// <summary>The answers every API shares: RFC 9457 problem details for refusals and failed registry writes.</summary>
internal static class ApiResults
{
    public static IResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound);

    public static IResult Forbidden(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden);

    public static IResult Invalid(Validation v) => TypedResults.ValidationProblem(v.Errors);

    /// <summary>Maps a registry write's outcome; <paramref name="onSuccess"/> builds the answer to a success.</summary>
    public static async Task<IResult> FromAsync(RegistryResult result, Func<Task<IResult>> onSuccess) => result.Outcome switch
    {
        RegistryOutcome.NotFound => NotFound(result.Detail ?? "Not found."),
        RegistryOutcome.Conflict => TypedResults.Problem(result.Detail, statusCode: StatusCodes.Status409Conflict),
        _ => await onSuccess(),
    };

    /// <summary>
    /// Null when the caller may read the target; otherwise the refusal. A target that does not exist is 404,
    /// one that exists outside the caller's scope 403.
    /// </summary>
    public static IResult? CheckRead(HttpContext http, AccessTarget target, string what)
    {
        if (target.CenterPath.Count == 0)
        {
            return NotFound($"{what} does not exist.");
        }

        return Caller.From(http.User) is { } caller && AccessPolicy.CanRead(caller, target)
            ? null
            : Forbidden($"{what} is outside your scope.");
    }

    /// <summary>Like <see cref="CheckRead"/> for registry writes.</summary>
    public static IResult? CheckWrite(HttpContext http, AccessTarget target, string what)
    {
        if (target.CenterPath.Count == 0)
        {
            return NotFound($"{what} does not exist.");
        }

        return Caller.From(http.User) is { } caller && AccessPolicy.CanWriteRegistry(caller, target)
            ? null
            : Forbidden($"Changing {what} needs an operator or staff token whose scope covers it.");
    }
}
