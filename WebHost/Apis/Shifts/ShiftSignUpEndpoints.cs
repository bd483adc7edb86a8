using Lianxin.Shifts;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis.Shifts;

/// <summary>
/// A person's side of shifts: a place taken as oneself (or by the center's staff on one's behalf), only on shifts of the
/// centers one's grid hangs under; my shifts and the open ones; my availability. Every change is audited.
/// </summary>
internal static class ShiftSignUpEndpoints
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const int MaxKeyLength = 200;

    public static async Task<Results<Ok<ShiftSignUpAnswer>, ValidationProblem, ProblemHttpResult>> SignUpAsync(
        string id, string occurrenceId, ShiftSignUpRequest request, HttpContext http, ScopeResolver scopes, IGrainFactory grains, AuditTrail audit)
    {
        var v = new Validation();
        v.Id("occurrenceId", occurrenceId);
        var personId = v.Id("personId", request.PersonId);
        var key = http.Request.Headers[IdempotencyKeyHeader].ToString() is { Length: > 0 } sent ? sent : null;
        if (key is { Length: > MaxKeyLength } || key?.Any(char.IsControl) == true)
        {
            v.Add(IdempotencyKeyHeader, $"At most {MaxKeyLength} characters, no control characters.");
        }

        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }

        var (center, refusal) = await PersonStepAccessAsync(id, personId, http, scopes);
        if (refusal is not null)
        {
            return refusal;
        }

        var answer = await grains.GetGrain<IShiftRotaGrain>(id).SignUpAsync(occurrenceId, personId, key, ActivitiesApi.By(http));
        if (answer is { Outcome: ShiftSignUpOutcome.Confirmed, Repeated: false })
        {
            await audit.RecordAsync(http, ShiftAuditActions.SignedUp, $"shift:{id}/{occurrenceId}", center, details: $"person={PersonalData.MaskPersonId(personId)}", key: key);
        }

        return ApiResults.KindOf(answer.Outcome) switch
        {
            null => TypedResults.Ok(answer),
            ProblemKind.NotFound => ApiResults.Problem(ProblemKind.NotFound, answer.Detail),
            var kind => ApiResults.Problem(kind.Value, answer.Detail, extensions: new Dictionary<string, object?> { ["outcome"] = EnumNames.Of(answer.Outcome) }),
        };
    }

    public static async Task<Results<Ok<ShiftStepResult>, ValidationProblem, ProblemHttpResult>> CancelAsync(
        string id, string occurrenceId, string personId, HttpContext http, ScopeResolver scopes, IGrainFactory grains, AuditTrail audit)
    {
        var v = new Validation();
        v.Id("occurrenceId", occurrenceId);
        v.Id("personId", personId);
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }

        var (center, refusal) = await PersonStepAccessAsync(id, personId, http, scopes);
        if (refusal is not null)
        {
            return refusal;
        }

        var result = await grains.GetGrain<IShiftRotaGrain>(id).CancelAsync(occurrenceId, personId, ActivitiesApi.By(http));
        if (ApiResults.KindOf(result.Outcome) is { } kind)
        {
            return ApiResults.Problem(kind, result.Detail);
        }

        await audit.RecordAsync(http, ShiftAuditActions.SignUpCancelled, $"shift:{id}/{occurrenceId}", center, details: $"person={PersonalData.MaskPersonId(personId)}");
        return TypedResults.Ok(result);
    }

    public static async Task<Results<Ok<PersonShifts>, ProblemHttpResult>> PersonShiftsAsync(string id, HttpContext http, ScopeResolver scopes, IGrainFactory grains)
    {
        var person = await scopes.ForVolunteerAsync(id);
        if (PersonCheck(http, person, id, AccessPolicy.CanRead) is { } refusal)
        {
            return refusal;
        }

        var lines = (await Task.WhenAll(person.CenterPath.Select(c => grains.GetGrain<IShiftRotaGrain>(c).ForPersonAsync(id)))).SelectMany(l => l).OrderBy(l => l.StartsAt).ToList();
        return TypedResults.Ok(new PersonShifts([.. lines.Where(l => l.Place is not null)], [.. lines.Where(l => l.Place is null)]));
    }

    public static async Task<Results<Ok<ShiftAvailability>, ProblemHttpResult>> GetAvailabilityAsync(string id, HttpContext http, ScopeResolver scopes, IGrainFactory grains)
    {
        var person = await scopes.ForVolunteerAsync(id);
        return PersonCheck(http, person, id, AccessPolicy.CanRead) is { } refusal
            ? refusal
            : TypedResults.Ok(await grains.GetGrain<IShiftAvailabilityGrain>(id).GetAsync());
    }

    public static async Task<Results<Ok<ShiftAvailability>, ValidationProblem, ProblemHttpResult>> SetAvailabilityAsync(
        string id, AvailabilityRequest request, HttpContext http, ScopeResolver scopes, IGrainFactory grains, AuditTrail audit)
    {
        var v = new Validation();
        var availability = request.Read(v);
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }

        var person = await scopes.ForVolunteerAsync(id);
        if (PersonCheck(http, person, id, (c, t) => IsSelf(c, id) || AccessPolicy.CanWriteRegistry(c, t)) is { } refusal)
        {
            return refusal;
        }

        await grains.GetGrain<IShiftAvailabilityGrain>(id).SetAsync(availability);
        await audit.RecordAsync(http, ShiftAuditActions.AvailabilitySet, $"volunteer:{id}", person, details: $"windows={availability.Windows.Count}");
        return TypedResults.Ok(availability);
    }

    /// <summary>
    /// A step on a person's place: the person themselves or an operator or staff over the center, and only for a person
    /// whose grid hangs under the center (a shift is served by the center's own people).
    /// </summary>
    private static async Task<(AccessTarget Center, ProblemHttpResult? Refusal)> PersonStepAccessAsync(string id, string personId, HttpContext http, ScopeResolver scopes)
    {
        var center = await scopes.ForCenterAsync(id);
        if (ShiftEndpoints.Check(http, center, id, (c, t) => IsSelf(c, personId) || AccessPolicy.CanWriteRegistry(c, t)) is { } refusal)
        {
            return (center, refusal);
        }

        var person = await scopes.ForVolunteerAsync(personId);
        if (person.CenterPath.Count == 0)
        {
            return (center, ApiResults.NotFound($"Volunteer '{personId}' does not exist."));
        }

        return person.CenterPath.Contains(id)
            ? (center, null)
            : (center, ApiResults.Problem(
                ProblemKind.Conflict,
                $"'{personId}' does not belong to center '{id}' or a center below it: its shifts are served by its own people.",
                new Dictionary<string, object?> { ["outcome"] = "refused" }));
    }

    private static bool IsSelf(Caller caller, string personId) => caller.Role == Role.Volunteer && caller.ScopeId == personId;

    private static ProblemHttpResult? PersonCheck(HttpContext http, AccessTarget person, string id, Func<Caller, AccessTarget, bool> allowed) =>
        person.CenterPath.Count == 0 ? ApiResults.NotFound($"Volunteer '{id}' does not exist.")
        : Caller.From(http.User) is { } caller && allowed(caller, person) ? null
        : ApiResults.Forbidden($"Volunteer '{id}' is outside your scope for this.");
}
