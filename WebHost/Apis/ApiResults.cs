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
        ProblemKind.BadRequest => StatusCodes.Status400BadRequest,
        ProblemKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
        ProblemKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static UnauthenticatedProblem Unauthenticated(string detail) => new(detail);

    public static ForbiddenProblem Forbidden(string detail) => new(detail);

    public static NotFoundProblem NotFound(string detail) => new(detail);

    public static ConflictProblem Conflict(string? detail, IDictionary<string, object?>? extensions = null) => new(detail, extensions);

    public static UnprocessableProblem Unprocessable(string? detail) => new(detail);

    public static ValidationProblem Invalid(Validation v) => TypedResults.ValidationProblem(v.Errors);

    /// <summary>
    /// The refusal of an actor's command whose outcome is of <paramref name="kind"/> (404 or 409): a missing target
    /// without words of its own is <paramref name="notFound"/>; <paramref name="extensions"/> go with a conflict only.
    /// </summary>
    public static StateRefusal State(ProblemKind kind, string? detail, string notFound = "Not found.", IDictionary<string, object?>? extensions = null) =>
        kind == ProblemKind.NotFound ? NotFound(detail ?? notFound) : Conflict(detail, extensions);

    /// <summary>
    /// The refusal of a registry write that can only miss its target (an update, not a create); null when it was carried
    /// out. A conflict would answer a status its route does not document, so it is a defect of the caller.
    /// </summary>
    public static NotFoundProblem? Missing(RegistryResult result) => result.Outcome switch
    {
        RegistryOutcome.NotFound => NotFound(result.Detail ?? "Not found."),
        RegistryOutcome.Conflict => throw new InvalidOperationException($"A write that can only miss its target was refused: {result.Detail}"),
        _ => null,
    };

    /// <summary>The refusal a registry write ran into; null when it was carried out.</summary>
    public static StateRefusal? Refusal(RegistryResult result) => result.Outcome switch
    {
        RegistryOutcome.NotFound => State(ProblemKind.NotFound, result.Detail),
        RegistryOutcome.Conflict => State(ProblemKind.Conflict, result.Detail),
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
    public static AccessRefusal? CheckRead(HttpContext http, AccessTarget target, string what) =>
        Check(http, target, what, AccessPolicy.CanRead, $"{what} is outside your scope.");

    /// <summary>Like <see cref="CheckRead"/> for registry writes.</summary>
    public static AccessRefusal? CheckWrite(HttpContext http, AccessTarget target, string what) =>
        Check(http, target, what, AccessPolicy.CanWriteRegistry, $"Changing {what} needs an operator or staff token whose scope covers it.");

    /// <summary>
    /// The one shape of an access check: 404 for a target that does not exist, 403 with <paramref name="forbidden"/> for a
    /// caller <paramref name="allowed"/> does not let through, null for one it does.
    /// </summary>
    public static AccessRefusal? Check(HttpContext http, AccessTarget target, string what, Func<Caller, AccessTarget, bool> allowed, string forbidden) =>
        target.CenterPath.Count == 0 ? NotFound($"{what} does not exist.")
        : Caller.From(http.User) is { } caller && allowed(caller, target) ? null
        : Forbidden(forbidden);
}
