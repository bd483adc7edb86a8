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

    public static async Task<Results<Ok<ShiftSignUpAnswer>, ValidationProblem, EitherRefusal<AccessRefusal, ConflictProblem>, StateRefusal>> SignUpAsync(
        string id, string occurrenceId, ShiftSignUpRequest request, HttpContext http, IGrainFactory grains, AuditTrail audit)
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

        if (await PersonStepCheckAsync(http, id, personId) is { } refusal)
        {
            return refusal;
        }

        var answer = await grains.GetGrain<IShiftRotaGrain>(id).SignUpAsync(occurrenceId, personId, key, ActivitiesApi.By(http));
        if (answer is { Outcome: ShiftSignUpOutcome.Confirmed, Repeated: false })
        {
            await audit.RecordAsync(http, ShiftAuditActions.SignedUp, $"shift:{id}/{occurrenceId}", http.Target(), details: $"person={PersonalData.MaskPersonId(personId)}", key: key);
        }

        return ApiResults.KindOf(answer.Outcome) is { } kind
            ? ApiResults.State(kind, answer.Detail, extensions: new Dictionary<string, object?> { ["outcome"] = EnumNames.Of(answer.Outcome) })
            : TypedResults.Ok(answer);
    }

    /// <summary>Runs the handler only for a step the caller may take on the route's <c>{personId}</c> (<see cref="PersonStepCheckAsync"/>).</summary>
    public static RouteHandlerBuilder RequirePersonStep(this RouteHandlerBuilder endpoint) =>
        endpoint.Require((http, id) => PersonStepCheckAsync(http, id, (string)http.GetRouteValue("personId")!));

    /// <summary>Runs the handler only for a caller <paramref name="allowed"/> lets act on the volunteer the route's <c>{id}</c> names.</summary>
    public static RouteHandlerBuilder RequireVolunteer(this RouteHandlerBuilder endpoint, Func<Caller, AccessTarget, bool> allowed) =>
        endpoint.Require(TargetKind.Volunteer, (http, person, what) => PersonCheck(http, person, what, allowed));

    /// <summary>Runs the handler only for the volunteer the route's <c>{id}</c> names, or an operator or staff over them.</summary>
    public static RouteHandlerBuilder RequireVolunteerOrWriter(this RouteHandlerBuilder endpoint) =>
        endpoint.Require(TargetKind.Volunteer, (http, person, what) =>
            PersonCheck(http, person, what, (c, t) => IsSelf(c, (string)http.GetRouteValue("id")!) || AccessPolicy.CanWriteRegistry(c, t)));

    public static async Task<Results<Ok<ShiftStepResult>, StateRefusal>> CancelAsync(
        string id, string occurrenceId, string personId, HttpContext http, IGrainFactory grains, AuditTrail audit)
    {
        var result = await grains.GetGrain<IShiftRotaGrain>(id).CancelAsync(occurrenceId, personId, ActivitiesApi.By(http));
        if (ApiResults.KindOf(result.Outcome) is { } kind)
        {
            return ApiResults.State(kind, result.Detail);
        }

        await audit.RecordAsync(http, ShiftAuditActions.SignUpCancelled, $"shift:{id}/{occurrenceId}", http.Target(), details: $"person={PersonalData.MaskPersonId(personId)}");
        return TypedResults.Ok(result);
    }

    public static async Task<Ok<PersonShifts>> PersonShiftsAsync(string id, HttpContext http, IGrainFactory grains)
    {
        var person = http.Target();
        var lines = (await Task.WhenAll(person.CenterPath.Select(c => grains.GetGrain<IShiftRotaGrain>(c).ForPersonAsync(id)))).SelectMany(l => l).OrderBy(l => l.StartsAt).ToList();
        return TypedResults.Ok(new PersonShifts([.. lines.Where(l => l.Place is not null)], [.. lines.Where(l => l.Place is null)]));
    }

    public static async Task<Ok<ShiftAvailability>> GetAvailabilityAsync(string id, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IShiftAvailabilityGrain>(id).GetAsync());

    public static async Task<Results<Ok<ShiftAvailability>, ValidationProblem>> SetAvailabilityAsync(
        string id, AvailabilityRequest request, HttpContext http, IGrainFactory grains, AuditTrail audit)
    {
        var v = new Validation();
        var availability = request.Read(v);
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }

        await grains.GetGrain<IShiftAvailabilityGrain>(id).SetAsync(availability);
        await audit.RecordAsync(http, ShiftAuditActions.AvailabilitySet, $"volunteer:{id}", http.Target(), details: $"windows={availability.Windows.Count}");
        return TypedResults.Ok(availability);
    }

    /// <summary>
    /// A step on a person's place: the person themselves or an operator or staff over the center, and only for a person
    /// whose grid hangs under the center (a shift is served by the center's own people). Null lets the step through and
    /// leaves the center to the handler (<see cref="AccessFilters.Target"/>).
    /// </summary>
    private static async Task<EitherRefusal<AccessRefusal, ConflictProblem>?> PersonStepCheckAsync(HttpContext http, string id, string personId)
    {
        var scopes = http.RequestServices.GetRequiredService<ScopeResolver>();
        var center = await scopes.ForCenterAsync(id);
        if (ShiftEndpoints.Check(http, center, $"Center '{id}'", (c, t) => IsSelf(c, personId) || AccessPolicy.CanWriteRegistry(c, t)) is { } refusal)
        {
            return refusal;
        }

        var person = await scopes.ForVolunteerAsync(personId);
        if (person.CenterPath.Count == 0)
        {
            return (AccessRefusal)ApiResults.NotFound($"Volunteer '{personId}' does not exist.");
        }

        if (!person.CenterPath.Contains(id))
        {
            return ApiResults.Conflict(
                $"'{personId}' does not belong to center '{id}' or a center below it: its shifts are served by its own people.",
                new Dictionary<string, object?> { ["outcome"] = "refused" });
        }

        http.Items[typeof(AccessTarget)] = center;
        return null;
    }

    private static bool IsSelf(Caller caller, string personId) => caller.Role == Role.Volunteer && caller.ScopeId == personId;

    private static AccessRefusal? PersonCheck(HttpContext http, AccessTarget person, string what, Func<Caller, AccessTarget, bool> allowed) =>
        ShiftEndpoints.Check(http, person, what, allowed);
}
