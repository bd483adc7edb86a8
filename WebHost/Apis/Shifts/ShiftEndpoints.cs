using Lianxin.Centers;
using Lianxin.Shifts;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis.Shifts;

/// <summary>A center's rota: read by readers of the center; shifts defined, changed and retired by its staff and the operators above.</summary>
internal static class ShiftEndpoints
{
    /// <summary>Runs the handler only for a caller <paramref name="allowed"/> lets act on the center the route's <c>{id}</c> names.</summary>
    public static RouteHandlerBuilder RequireCenter(this RouteHandlerBuilder endpoint, Func<Caller, AccessTarget, bool> allowed) =>
        endpoint.Require(TargetKind.Center, (http, center, what) => Check(http, center, what, allowed));

    public static async Task<Ok<ShiftRota>> GetRotaAsync(string id, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IShiftRotaGrain>(id).GetAsync());

    public static async Task<Results<Created<ShiftDefinition>, ValidationProblem, ConflictProblem, StateRefusal>> DefineAsync(
        string id, ShiftRequest request, HttpContext http, IGrainFactory grains, AuditTrail audit)
    {
        var v = new Validation();
        var shift = request.Read(v);
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }

        var rota = grains.GetGrain<IShiftRotaGrain>(id);
        if ((await rota.GetAsync()).Definitions.Any(d => d.Id == shift.Id))
        {
            return ApiResults.Conflict($"Shift '{shift.Id}' already exists at center '{id}'; change it with PUT.");
        }

        if (await StepAsync(rota.DefineAsync(shift, ActivitiesApi.By(http))) is { } failed)
        {
            return failed;
        }

        await audit.RecordAsync(http, ShiftAuditActions.Defined, $"shift:{id}/{shift.Id}", http.Target(), details: Describe(shift));
        return TypedResults.Created($"/api/v1/centers/{id}/shifts", shift);
    }

    public static async Task<Results<Ok<ShiftDefinition>, ValidationProblem, NotFoundProblem, StateRefusal>> ChangeAsync(
        string id, string shiftId, ShiftRequest request, HttpContext http, IGrainFactory grains, AuditTrail audit)
    {
        var v = new Validation();
        var shift = request.Read(v, shiftId);
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }

        var rota = grains.GetGrain<IShiftRotaGrain>(id);
        if (!(await rota.GetAsync()).Definitions.Any(d => d.Id == shiftId))
        {
            return ApiResults.NotFound($"Shift '{shiftId}' does not exist at center '{id}'.");
        }

        if (await StepAsync(rota.DefineAsync(shift, ActivitiesApi.By(http))) is { } failed)
        {
            return failed;
        }

        await audit.RecordAsync(http, ShiftAuditActions.Changed, $"shift:{id}/{shiftId}", http.Target(), details: Describe(shift));
        return TypedResults.Ok(shift);
    }

    public static async Task<Results<Ok<ShiftRota>, StateRefusal>> RetireAsync(
        string id, string shiftId, HttpContext http, IGrainFactory grains, AuditTrail audit)
    {
        var rota = grains.GetGrain<IShiftRotaGrain>(id);
        if (await StepAsync(rota.RetireAsync(shiftId, ActivitiesApi.By(http))) is { } failed)
        {
            return failed;
        }

        await audit.RecordAsync(http, ShiftAuditActions.Retired, $"shift:{id}/{shiftId}", http.Target());
        return TypedResults.Ok(await rota.GetAsync());
    }

    public static async Task<Ok<IReadOnlyList<ShiftAtRisk>>> AtRiskAsync(string id, bool? subtree, IGrainFactory grains)
    {
        // A region reads each center's rota (tens of centers, each answering from memory).
        IReadOnlyList<string> centers = subtree == true ? [.. (await CenterSubtree.GetAsync(grains, id)).Select(c => c.Id)] : [id];
        var lists = await Task.WhenAll(centers.Select(async c => (c, await grains.GetGrain<IShiftRotaGrain>(c).GetAtRiskAsync())));
        return TypedResults.Ok<IReadOnlyList<ShiftAtRisk>>([.. lists.SelectMany(l => l.Item2.Select(o => new ShiftAtRisk(l.c, o))).OrderBy(a => a.Occurrence.StartsAt)]);
    }

    /// <summary>Null when the caller passes <paramref name="allowed"/> for the center: 404 when it does not exist, else 403.</summary>
    internal static AccessRefusal? Check(HttpContext http, AccessTarget center, string what, Func<Caller, AccessTarget, bool> allowed) =>
        ApiResults.Check(http, center, what, allowed, $"{what} is outside your scope for this.");

    private static async Task<StateRefusal?> StepAsync(Task<ShiftStepResult> step)
    {
        var result = await step;
        return ApiResults.KindOf(result.Outcome) is { } kind ? ApiResults.State(kind, result.Detail) : null;
    }

    private static string Describe(ShiftDefinition s) =>
        $"days={string.Join(',', s.Days.Select(EnumNames.Of))}; {s.Starts:HH\\:mm}-{s.Ends:HH\\:mm}; people={s.MinPeople}-{s.MaxPeople}";
}
