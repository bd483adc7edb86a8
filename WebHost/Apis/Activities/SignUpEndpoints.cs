using Lianxin.Activities;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis.Activities;

/// <summary>
/// Sign-ups: a volunteer as themselves (one grain call, no registry look-up, so a flash crowd costs the activity's
/// queue and nothing else), a resident under their canonical person id, or an organiser on someone's behalf (audited).
/// </summary>
internal static class SignUpEndpoints
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const int MaxKeyLength = 200;

    public static async Task<Results<Ok<SignUpAnswer>, ValidationProblem, ForbiddenProblem, AccessRefusal, StateRefusal>> SignUpAsync(
        string id, SignUpRequest request, HttpContext http, ScopeResolver scopes, IGrainFactory grains, AuditTrail audit)
    {
        var v = new Validation();
        var personId = v.Id("personId", request.PersonId);
        var key = http.Request.Headers[IdempotencyKeyHeader].ToString();
        if (CheckKey(key) is { } keyProblem)
        {
            v.Add(IdempotencyKeyHeader, keyProblem);
        }

        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }

        var caller = Caller.From(http.User)!;
        var self = caller.IsPerson(personId);
        AccessTarget? center = null;
        if (caller.Role == Role.Resident && self)
        {
            // A resident signs up as the person they are now (the scope id, their ID card's when a phone is linked to it),
            // whichever of their ids the request names; once, whichever of their ids holds the place.
            personId = caller.ScopeId;
            if (await HeldUnderAliasAsync(grains.GetGrain<IServiceActivityGrain>(id), caller))
            {
                return ApiResults.State(
                    ProblemKind.Conflict, "You signed up for this activity already, before your phone was linked to your ID card; see /api/v1/me/sign-ups.",
                    extensions: new Dictionary<string, object?> { ["outcome"] = EnumNames.Of(SignUpOutcome.Refused) });
            }

            // Noted before the sign-up is sent: a place the resident gets is never missing from their own list.
            await grains.GetGrain<Lianxin.Residents.IPersonSignUpsGrain>(personId).NoteAsync(id);
        }

        if (!self)
        {
            var (view, target) = await ActivityAccess.ResolveAsync(id, scopes, grains);
            if (ActivityAccess.Check(http, view, target, id, c => ActivityAccess.CanOrganise(c, target), "a volunteer signs up as themselves; others need an operator or staff token whose scope covers its center.") is { } refusal)
            {
                return refusal;
            }

            center = target;
        }

        var answer = await grains.GetGrain<IServiceActivityGrain>(id).SignUpAsync(new SignUpAttempt(personId, key, caller.Actor));
        if (center is not null && !answer.Repeated && answer.Outcome is SignUpOutcome.Confirmed or SignUpOutcome.Waitlisted or SignUpOutcome.Full)
        {
            await audit.RecordAsync(http, ActivityAuditActions.SignedUpOnBehalf, $"activity:{id}", center, details: $"person={PersonalData.MaskPersonId(personId)}; outcome={EnumNames.Of(answer.Outcome)}");
        }

        return ApiResults.KindOf(answer.Outcome) is { } kind
            ? ApiResults.State(kind, kind == ProblemKind.NotFound ? null : answer.Detail, $"Activity '{id}' does not exist.", new Dictionary<string, object?> { ["outcome"] = EnumNames.Of(answer.Outcome) })
            : TypedResults.Ok(answer);
    }

    public static async Task<Ok<IReadOnlyList<PersonPlace>>> ListAsync(string id, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IServiceActivityGrain>(id).GetPlacesAsync());

    public static async Task<Results<Ok<PersonPlace>, NotFoundProblem>> GetAsync(string id, string personId, IGrainFactory grains) =>
        await grains.GetGrain<IServiceActivityGrain>(id).GetPlaceAsync(personId) is { } place
            ? TypedResults.Ok(place)
            : ApiResults.NotFound($"'{personId}' has not signed up for activity '{id}'.");

    public static Task<Results<Ok<PersonPlace>, StateRefusal>> CancelAsync(
        string id, string personId, HttpContext http, IGrainFactory grains, AuditTrail audit) =>
        PersonStepAsync(id, personId, http, grains, audit, ActivityAuditActions.SignUpCancelledOnBehalf, (g, by) => g.CancelSignUpAsync(personId, by));

    public static Task<Results<Ok<PersonPlace>, StateRefusal>> ConfirmAsync(
        string id, string personId, HttpContext http, IGrainFactory grains, AuditTrail audit) =>
        PersonStepAsync(id, personId, http, grains, audit, ActivityAuditActions.OfferConfirmedOnBehalf, (g, by) => g.ConfirmOfferAsync(personId, by));

    public static async Task<Results<Ok<PersonPlace>, StateRefusal>> CheckInAsync(
        string id, string personId, HttpContext http, IGrainFactory grains, AuditTrail audit)
    {
        var result = await grains.GetGrain<IServiceActivityGrain>(id).CheckInAsync(personId, ActivitiesApi.By(http));
        if (result.Outcome == ActivityStepOutcome.Done)
        {
            await audit.RecordAsync(http, ActivityAuditActions.CheckedIn, $"activity:{id}", http.Target(), details: $"person={PersonalData.MaskPersonId(personId)}");
        }

        return ActivitiesApi.Step(result);
    }

    private static async Task<Results<Ok<PersonPlace>, StateRefusal>> PersonStepAsync(
        string id, string personId, HttpContext http, IGrainFactory grains, AuditTrail audit, string onBehalfAction,
        Func<IServiceActivityGrain, string, Task<ActivityStepResult>> step)
    {
        var caller = Caller.From(http.User)!;
        var result = await step(grains.GetGrain<IServiceActivityGrain>(id), caller.Actor);
        if (result.Outcome == ActivityStepOutcome.Done && !caller.IsPerson(personId))
        {
            await audit.RecordAsync(http, onBehalfAction, $"activity:{id}", http.Target(), details: $"person={PersonalData.MaskPersonId(personId)}");
        }

        return ActivitiesApi.Step(result);
    }

    /// <summary>Whether one of the resident's aliases holds a place (or a place in line) in the activity.</summary>
    private static async Task<bool> HeldUnderAliasAsync(IServiceActivityGrain activity, Caller resident)
    {
        foreach (var alias in resident.Aliases)
        {
            if (await activity.GetPlaceAsync(alias) is { Status: PlaceStatus.Confirmed or PlaceStatus.Waitlisted or PlaceStatus.Offered or PlaceStatus.Attended })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Null when the key is usable; otherwise why not.</summary>
    private static string? CheckKey(string? key) => key switch
    {
        null or "" => "Send an Idempotency-Key header: a re-sent sign-up must get the same answer, not a second attempt.",
        { Length: > MaxKeyLength } => $"The Idempotency-Key must be at most {MaxKeyLength} characters.",
        _ when key.Any(char.IsControl) => "The Idempotency-Key must not contain control characters.",
        _ => null,
    };
}
