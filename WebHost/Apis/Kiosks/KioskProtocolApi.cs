using System.Text.RegularExpressions;
using Lianxin.Common;
using Lianxin.Kiosks;
using Lianxin.WebHost.Apis.Kiosks;
using Lianxin.WebHost.Limits;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lianxin.WebHost.Apis;

/// <summary>
/// Kiosk protocol v1, spoken by the kiosks themselves with their device key: event batches and heartbeats under
/// <c>/api/v1/kiosks/{kioskId}</c>. A kiosk may only post for itself.
/// </summary>
public static partial class KioskProtocolApi
{
    public static RouteGroupBuilder MapKioskProtocolApi(this IEndpointRouteBuilder app)
    {
        // The kiosk scheme answers a missing or unknown device key before any handler runs.
        var group = app.MapGroup("/api/v1/kiosks/{kioskId}").WithTags("Kiosk protocol v1").RequireAuthorization(KioskAuthentication.Policy)
            .Refuses<UnauthenticatedProblem>();
        group.MapPost("/events", PostEventsAsync).WithJournalWriteBackpressure()
            .WithSummary("Send 1 to 500 events (Limits:MaxKioskBatchEvents; checkIn, checkOut, selfService, pointsRedemption, helpRequest, afterHoursEntry, fault).")
            .WithDescription("Each event is answered accepted (stored durably and applied), duplicate (its eventId was stored before) or "
                + "rejected (stored, but a rule refused it; the reason says which). Re-sending a batch, or any part of it, is always safe. "
                + "A malformed batch is refused whole with 400 and changes nothing.")
            .RequireSelf();
        group.MapPost("/heartbeat", PostHeartbeatAsync).WithSummary("Report the app version and peripheral states (every 30-60 s).")
            .RequireSelf();
        return group;
    }

    private static async Task<Results<Ok<KioskBatchResponse>, ValidationProblem>> PostEventsAsync(
        string kioskId, KioskBatchRequest request, HttpContext http, IGrainFactory grains, [FromKeyedServices(CentersClock.Key)] TimeProvider clock, IOptions<KioskOptions> options,
        IOptions<LimitsOptions> limits, PersonPseudonyms pseudonyms, KioskEmergencyLookup emergencies)
    {
        var v = new Validation();
        var events = new List<KioskEvent>();
        var maxEvents = limits.Value.MaxKioskBatchEvents;
        if (request.Events is not { Count: > 0 } sent || sent.Count > maxEvents)
        {
            v.Add("events", $"Must hold 1 to {maxEvents} events; split larger uploads into several batches.");
            return ApiResults.Invalid(v);
        }

        var now = clock.GetUtcNow();
        for (var i = 0; i < sent.Count; i++)
        {
            if (sent[i] is not { } e)
            {
                v.Add(new Item("events", i).Whole, "Must be an event object.");
            }
            else if (e.ToEvent(v, new Item("events", i), now, options.Value, pseudonyms) is { } parsed)
            {
                events.Add(parsed);
            }
        }

        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }

        var centerId = http.User.FindFirst(KioskAuthentication.CenterClaim)!.Value;
        // One call per batch: the kiosk's ingest also tells its health that it was heard from.
        var outcomes = await grains.GetGrain<IKioskIngestGrain>(kioskId).IngestAsync(centerId, events);
        return TypedResults.Ok(new KioskBatchResponse(
            [.. outcomes.Select(o => new KioskEventResult(o.EventId, o.Status, o.Reason))],
            outcomes.Count(o => o.Status == EventStatus.Accepted),
            outcomes.Count(o => o.Status == EventStatus.Duplicate),
            outcomes.Count(o => o.Status == EventStatus.Rejected),
            await emergencies.ForCenterAsync(centerId)));
    }

    private static async Task<Results<Ok<KioskHeartbeatResponse>, ValidationProblem>> PostHeartbeatAsync(
        string kioskId, KioskHeartbeatRequest request, HttpContext http, IGrainFactory grains, [FromKeyedServices(CentersClock.Key)] TimeProvider clock,
        KioskEmergencyLookup emergencies)
    {
        var v = new Validation();
        var version = v.Text("appVersion", request.AppVersion, 32);
        var peripherals = new Dictionary<string, PeripheralStatus>(StringComparer.Ordinal);
        if (request.Peripherals is { Count: > 16 })
        {
            v.Add("peripherals", "At most 16 peripherals.");
        }

        foreach (var (name, status) in request.Peripherals ?? new Dictionary<string, string>())
        {
            if (!PeripheralName().IsMatch(name))
            {
                v.Add("peripherals", $"'{name}' is not a peripheral name (1-32 letters or digits, camelCase).");
                continue;
            }

            peripherals[name] = v.Enum<PeripheralStatus>($"peripherals.{name}", status);
        }

        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }

        var health = await grains.GetGrain<IKioskHealthGrain>(kioskId).BeatAsync(new KioskHeartbeat(version, peripherals));
        var centerId = http.User.FindFirst(KioskAuthentication.CenterClaim)!.Value;
        return TypedResults.Ok(new KioskHeartbeatResponse(health.Connectivity, clock.GetUtcNow(), await emergencies.ForCenterAsync(centerId)));
    }

    /// <summary>A kiosk authenticated with its own key may post only under its own id: checked before the body is.</summary>
    private static RouteHandlerBuilder RequireSelf(this RouteHandlerBuilder endpoint) =>
        endpoint.Check(http =>
        {
            var own = http.User.FindFirst(KioskAuthentication.KioskClaim)?.Value;
            var kioskId = (string)http.GetRouteValue("kioskId")!;
            return Task.FromResult(own == kioskId ? null : ApiResults.Forbidden($"This device key belongs to kiosk '{own}', not '{kioskId}'."));
        });

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9]{0,31}$")]
    private static partial Regex PeripheralName();
}
