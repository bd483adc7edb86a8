using Lianxin.Activities;
using Lianxin.Common;
using Lianxin.Emergencies;
using Lianxin.HelpRequests;
using Lianxin.Shifts;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis;

/// <summary>
/// The answers every API shares: RFC 9457 problem details for refusals, each <see cref="ProblemKind"/> mapped to its
/// status here, and the actors' outcomes mapped to kinds.
/// </summary>
internal static class ApiResults
{
    /// <summary>The refusal of <paramref name="kind"/>; without a <paramref name="title"/>, the status's own.</summary>
    public static ProblemHttpResult Problem(
        ProblemKind kind, string? detail, IDictionary<string, object?>? extensions = null, string? title = null) =>
        TypedResults.Problem(detail, statusCode: StatusOf(kind), title: title, extensions: extensions);

    public static int StatusOf(ProblemKind kind) => kind switch
    {
        ProblemKind.Unauthenticated => StatusCodes.Status401Unauthorized,
        ProblemKind.Forbidden => StatusCodes.Status403Forbidden,
        ProblemKind.NotFound => StatusCodes.Status404NotFound,
        ProblemKind.Conflict => StatusCodes.Status409Conflict,
        ProblemKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static ProblemHttpResult NotFound(string detail) => Problem(ProblemKind.NotFound, detail);

    public static ProblemHttpResult Forbidden(string detail) => Problem(ProblemKind.Forbidden, detail);

    public static ProblemHttpResult Conflict(string? detail) => Problem(ProblemKind.Conflict, detail);

    public static ValidationProblem Invalid(Validation v) => TypedResults.ValidationProblem(v.Errors);

    /// <summary>The refusal a registry write ran into; null when it was carried out.</summary>
    public static ProblemHttpResult? Refusal(RegistryResult result) => result.Outcome switch
    {
        RegistryOutcome.NotFound => NotFound(result.Detail ?? "Not found."),
        RegistryOutcome.Conflict => Conflict(result.Detail),
        _ => null,
    };

    // The one mapping from the actors' outcomes to refusals: the kind of an outcome that was not carried out, null for one
    // that was. The APIs choose the words; the status follows from the kind.
    public static ProblemKind? KindOf(CommandOutcome outcome) => outcome switch
    {
        CommandOutcome.Done or CommandOutcome.NoChange => null,
        CommandOutcome.NotFound => ProblemKind.NotFound,
        _ => ProblemKind.Conflict,
    };

    public static ProblemKind? KindOf(LaunchOutcome outcome) => outcome switch
    {
        LaunchOutcome.Launched or LaunchOutcome.AlreadyLaunched => null,
        LaunchOutcome.ScopeNotFound => ProblemKind.NotFound,
        _ => ProblemKind.Unprocessable,
    };

    public static ProblemKind? KindOf(ProposalOutcome outcome) => outcome switch
    {
        ProposalOutcome.Done => null,
        ProposalOutcome.NotFound => ProblemKind.NotFound,
        ProposalOutcome.Closed => ProblemKind.Conflict,
        _ => ProblemKind.Unprocessable,
    };

    public static ProblemKind? KindOf(SignUpOutcome outcome) => outcome switch
    {
        SignUpOutcome.Confirmed or SignUpOutcome.Waitlisted or SignUpOutcome.Full => null,
        SignUpOutcome.NotFound => ProblemKind.NotFound,
        _ => ProblemKind.Conflict,
    };

    public static ProblemKind? KindOf(ActivityStepOutcome outcome) => outcome switch
    {
        ActivityStepOutcome.Done => null,
        ActivityStepOutcome.NotFound => ProblemKind.NotFound,
        _ => ProblemKind.Conflict,
    };

    public static ProblemKind? KindOf(ShiftSignUpOutcome outcome) => outcome switch
    {
        ShiftSignUpOutcome.Confirmed => null,
        ShiftSignUpOutcome.NotFound => ProblemKind.NotFound,
        _ => ProblemKind.Conflict,
    };

    public static ProblemKind? KindOf(ShiftStepOutcome outcome) => outcome switch
    {
        ShiftStepOutcome.Done => null,
        ShiftStepOutcome.NotFound => ProblemKind.NotFound,
        _ => ProblemKind.Conflict,
    };

    /// <summary>A help request's refusal; <see cref="HelpRequestRefusal.Invalid"/> is a validation problem, not a kind.</summary>
    public static ProblemKind? KindOf(HelpRequestRefusal refusal) => refusal switch
    {
        HelpRequestRefusal.None or HelpRequestRefusal.Invalid => null,
        HelpRequestRefusal.NotFound => ProblemKind.NotFound,
        _ => ProblemKind.Conflict,
    };

    /// <summary>
    /// Null when the caller may read the target; otherwise the refusal. A target that does not exist is 404,
    /// one that exists outside the caller's scope 403.
    /// </summary>
    public static ProblemHttpResult? CheckRead(HttpContext http, AccessTarget target, string what)
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
    public static ProblemHttpResult? CheckWrite(HttpContext http, AccessTarget target, string what)
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
