using Lianxin.Common;
using Lianxin.Kiosks;

namespace Lianxin.Ledger;

/// <summary>
/// One person's volunteer hours (Pending → Approved / Declined, never deleted) and points ledger (earned for
/// approved hours, spent at redemption, never below zero). Keyed by person id.
/// </summary>
[Alias("Lianxin.IPersonLedgerGrain")]
public interface IPersonLedgerGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records or updates pending hours (idempotent by id); Conflict when they were decided already. Pending hours are
    /// held, not written: the center they were served at keeps them awaiting a decision, and the ledger asks its
    /// centers for them again when it starts.
    /// </summary>
    [Alias("RecordHours")]
    Task<RegistryResult> RecordHoursAsync(ServiceHours hours);

    /// <summary>As <see cref="RecordHoursAsync"/>, written before answering: the center no longer keeps these hours.</summary>
    [Alias("KeepHours")]
    Task<RegistryResult> KeepHoursAsync(ServiceHours hours);

    /// <summary>Approves (earning points at the configured rate) or declines (with a reason) pending hours.</summary>
    [Alias("DecideHours")]
    Task<RegistryResult> DecideHoursAsync(Guid hoursId, bool approve, string decidedBy, string? reason);

    /// <summary>Spends points for a kiosk's redemption event; rejected when the balance is short. Idempotent by event id.</summary>
    [Alias("Redeem")]
    Task<EventOutcome> RedeemAsync(JournaledKioskEvent redemption);

    /// <summary>The hours and ledger.</summary>
    [Alias("Get"), ReadOnly]
    Task<PersonLedger> GetAsync();

    /// <summary>Persists what is held in memory; answers when it is durable.</summary>
    [Alias("Flush")]
    Task FlushAsync();
}
