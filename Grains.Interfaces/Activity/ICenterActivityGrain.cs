using Orleans.Concurrency;
using Lianxin.Common;
using Lianxin.Kiosks;

namespace Lianxin.Activity;

/// <summary>
/// What a center's kiosks drive (keyed by center id): presence (one open check-in per person, paired by
/// occurredAt, closed automatically), today's counts, kiosk health, open help requests, hours awaiting decision and
/// kiosk alerts of its subtree. It reports the figures to its <see cref="Centers.ICenterGrain"/>.
/// Kiosk events are applied at most once per kiosk and journal position, so replaying a kiosk's journal is harmless.
/// </summary>
[Alias("Lianxin.ICenterActivityGrain")]
public interface ICenterActivityGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies check-ins, check-outs, self-service and after-hours events of one kiosk, in journal order; one outcome
    /// per event applied. <paramref name="sentThrough"/> is the position through which the kiosk sent this center
    /// events before (0 when it does not know): events up to it that the center no longer holds (its silo died before
    /// it wrote them) are applied again from the kiosk's journal first.
    /// </summary>
    [Alias("Apply")]
    Task<IReadOnlyList<EventOutcome>> ApplyAsync(string kioskId, IReadOnlyList<JournaledKioskEvent> events, long sentThrough);

    /// <summary>Staff set a visit's check-out time, with a reason (for example to correct an automatic check-out).</summary>
    [Alias("CorrectCheckOut")]
    Task<RegistryResult> CorrectCheckOutAsync(Guid visitId, DateTimeOffset checkedOutAt, string reason, string correctedBy);

    /// <summary>A kiosk of this center changed heartbeat state.</summary>
    [Alias("ReportKioskHealth")]
    Task ReportKioskHealthAsync(string kioskId, KioskConnectivity connectivity);

    /// <summary>A help request at this center opened (true) or closed (false); idempotent.</summary>
    [Alias("TrackHelpRequest")]
    Task TrackHelpRequestAsync(string helpRequestId, bool open);

    /// <summary>Hours served here were approved or declined: they no longer await a decision.</summary>
    [Alias("HoursDecided")]
    Task HoursDecidedAsync(Guid hoursId);

    /// <summary>
    /// A person's hours served here that await a decision: what a person's ledger holds pending, asked again when the
    /// ledger starts (it writes decisions, not pending hours). Interleaved: a ledger may ask while this center waits on it.
    /// </summary>
    [Alias("AwaitingHours"), AlwaysInterleave]
    Task<IReadOnlyList<Ledger.ServiceHours>> GetAwaitingHoursAsync(string personId);

    /// <summary>Raises or (with <see cref="KioskAlert.ResolvedAt"/> set) resolves a kiosk alert in this center's subtree.</summary>
    [Alias("Alert")]
    Task AlertAsync(KioskAlert alert);

    /// <summary>The activity as of now.</summary>
    [Alias("Get")]
    Task<CenterActivity> GetAsync();

    /// <summary>Closes overdue visits and rolls the day over; the grain's own timer calls it too.</summary>
    [Alias("Tick")]
    Task TickAsync();

    /// <summary>Persists what is held in memory; answers when it is durable.</summary>
    [Alias("Flush")]
    Task FlushAsync();

    /// <summary>
    /// The kiosk's checkpoint asks how far this actor's state is durable for <paramref name="kioskId"/>: the kiosk
    /// records its own applied position no further. <paramref name="sentThrough"/> is the position through which the
    /// kiosk sent this center events: any this actor no longer holds (its silo died before it wrote them) are applied
    /// again from the journal first, so a kiosk that sends nothing more still has every event counted.
    /// </summary>
    [Alias("Confirm")]
    Task<long> ConfirmAsync(string kioskId, long sentThrough);

    /// <summary>
    /// When the person's open visit here began, or null when they are not inside: a volunteer's duty is derived from
    /// it after the volunteer's actor restarted. Answers between other calls (it only reads memory).
    /// </summary>
    [Alias("InsideSince"), AlwaysInterleave]
    Task<DateTimeOffset?> InsideSinceAsync(string personId);

    /// <summary>The people inside now in the volunteer role: a restarted center rebuilds its on-duty set from them.</summary>
    [Alias("VolunteersInside"), AlwaysInterleave]
    Task<IReadOnlyList<string>> GetVolunteersInsideAsync();

    /// <summary>The figures this actor reports to its center, as of now: a restarted center asks rather than waits for a change.</summary>
    [Alias("GetFigures"), AlwaysInterleave]
    Task<Centers.CenterActivityFigures> GetFiguresAsync();
}
