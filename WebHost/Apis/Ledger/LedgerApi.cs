using Lianxin.Ledger;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis;

/// <summary>Volunteer hours and points: <c>/api/v1/people/{id}/…</c>. Staff of the center where hours were served decide them.</summary>
public static class LedgerApi
{
    public static RouteGroupBuilder MapLedgerApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/people/{id}").WithTags("Hours and points").RequireAuthorization(AuthConfiguration.AnyRoleOrResidentPolicy);
        group.MapGet("/ledger", GetAsync).WithSummary("A person's volunteer hours and points ledger, with the balance.").Check(MayReadLedgerAsync);
        group.MapPost("/hours/{hoursId:guid}/decision", DecideAsync)
            .WithSummary("Approve (earning points) or decline (with a reason) pending hours.").Check(MayDecideAsync);
        return group;
    }

    /// <summary>
    /// A registered person's ledger is read in their registry scope. A resident who is not registered (known only by
    /// a kiosk's person id) belongs to no region but the ones their entries came from: operators and auditors read
    /// the ledger only when their scope covers every center where the resident's hours were served or points spent (the
    /// check leaves that ledger, as read, to the handler).
    /// </summary>
    private static async Task<AccessRefusal?> MayReadLedgerAsync(HttpContext http)
    {
        var id = (string)http.GetRouteValue("id")!;
        var grains = http.RequestServices.GetRequiredService<IGrainFactory>();
        var scopes = http.RequestServices.GetRequiredService<ScopeResolver>();

        // Ledgers of unregistered residents are keyed by the ids kiosks send: anything else has none (and activates nothing).
        if (!Kiosks.KioskEventRequest.PersonPattern().IsMatch(id))
        {
            return ApiResults.NotFound($"'{id}' is not a person id.");
        }

        // Phone and ID-card numbers are stored only as keyed pseudonyms: no ledger is keyed by one (and the answer
        // does not repeat it).
        if (PersonalData.LooksPersonal(id))
        {
            return ApiResults.NotFound("A phone or ID-card number is not a person id: residents known by their card are keyed by pseudonym (pid-…).");
        }

        // A resident reads their own ledger, and nobody else's.
        if (Caller.From(http.User) is { Role: Role.Resident } resident)
        {
            return resident.IsResident(id) ? null : ApiResults.Forbidden($"The ledger of '{id}' is not yours.");
        }

        var target = await scopes.ForVolunteerAsync(id);
        if (target.CenterPath.Count > 0)
        {
            return ApiResults.CheckRead(http, target, $"Person '{id}'");
        }

        if (Caller.From(http.User) is not { Role: Role.Operator or Role.Auditor } caller)
        {
            return ApiResults.Forbidden($"The ledger of '{id}' is outside your scope.");
        }

        var ledger = await grains.GetGrain<IPersonLedgerGrain>(id).GetAsync();
        if (!await CoversAsync(caller, ledger, scopes))
        {
            return ApiResults.Forbidden($"The ledger of '{id}' is outside your scope.");
        }

        http.Items[typeof(PersonLedger)] = ledger;
        return null;
    }

    private static async Task<Ok<PersonLedger>> GetAsync(string id, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(http.Items[typeof(PersonLedger)] as PersonLedger ?? await grains.GetGrain<IPersonLedgerGrain>(id).GetAsync());

    /// <summary>
    /// Whether the caller's scope covers every center the ledger's entries came from. An empty ledger shows nothing;
    /// one with entries but no known center (written before centers were kept) is for nobody but a registered person's readers.
    /// </summary>
    private static async Task<bool> CoversAsync(Caller caller, PersonLedger ledger, ScopeResolver scopes)
    {
        if (ledger.Centers.Count == 0)
        {
            return ledger.Hours.Count == 0 && ledger.Points.Count == 0;
        }

        foreach (var centerId in ledger.Centers)
        {
            var center = await scopes.ForCenterAsync(centerId);
            if (center.CenterPath.Count == 0 || !AccessPolicy.CanRead(caller, center))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Hours are decided by an operator or staff over the center where they were served: 404 for hours the ledger does not
    /// hold. Leaves the ledger as read and the center to the handler.
    /// </summary>
    private static async Task<AccessRefusal?> MayDecideAsync(HttpContext http)
    {
        var id = (string)http.GetRouteValue("id")!;
        var hoursId = Guid.Parse((string)http.GetRouteValue("hoursId")!, System.Globalization.CultureInfo.InvariantCulture);
        var ledger = await http.RequestServices.GetRequiredService<IGrainFactory>().GetGrain<IPersonLedgerGrain>(id).GetAsync();
        if (ledger.Hours.FirstOrDefault(h => h.Id == hoursId) is not { } hours)
        {
            return ApiResults.NotFound($"Hours {hoursId} of '{id}' do not exist.");
        }

        var center = await http.RequestServices.GetRequiredService<ScopeResolver>().ForCenterAsync(hours.CenterId);
        if (ApiResults.CheckWrite(http, center, $"Center '{hours.CenterId}'") is { } refusal)
        {
            return refusal;
        }

        http.Items[typeof(PersonLedger)] = ledger;
        http.Items[typeof(AccessTarget)] = center;
        return null;
    }

    private static async Task<Results<Ok<PersonLedger>, ValidationProblem, StateRefusal>> DecideAsync(
        string id, Guid hoursId, HoursDecision request, HttpContext http, IGrainFactory grains, AuditTrail audit)
    {
        var v = new Validation();
        var approve = request.Decision switch
        {
            "approved" => true,
            "declined" => false,
            _ => Invalid(v),
        };
        var reason = approve ? (request.Reason is null ? null : v.Text("reason", request.Reason, 500)) : v.Text("reason", request.Reason, 500);
        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }

        var ledger = grains.GetGrain<IPersonLedgerGrain>(id);
        var current = (PersonLedger)http.Items[typeof(PersonLedger)]!;
        var hours = current.Hours.First(h => h.Id == hoursId);
        if (approve && hours.State == HoursState.Pending && current.Points.Count >= current.MaxEntries)
        {
            v.Add("decision", $"The points ledger of '{id}' holds the most entries it may ({current.MaxEntries}); approved hours would add one.");
            return ApiResults.Invalid(v);
        }

        var result = await ledger.DecideHoursAsync(hoursId, approve, Caller.From(http.User)!.Actor, reason);
        if (ApiResults.Refusal(result) is { } failed)
        {
            return failed;
        }

        await audit.RecordAsync(http, approve ? AuditActions.HoursApproved : AuditActions.HoursDeclined, $"person:{id}", http.Target(), reason, $"hours={hoursId}");
        return TypedResults.Ok(await ledger.GetAsync());
    }

    private static bool Invalid(Validation v)
    {
        v.Add("decision", "Must be 'approved' or 'declined'.");
        return false;
    }
}

/// <summary>A staff decision on hours: <c>approved</c> or <c>declined</c> (a reason is required to decline).</summary>
public sealed record HoursDecision(string? Decision, string? Reason);
