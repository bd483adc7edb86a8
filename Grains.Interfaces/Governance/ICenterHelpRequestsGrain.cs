namespace Lianxin.Governance;

/// <summary>
/// The help requests raised at one center in one year (keyed by <see cref="GovernanceKeys.Rating"/>), as their
/// tickets last reported themselves: what the closed loop's counts, overdue and time to close are computed from.
/// Tickets report every transition; a report older than the one held is ignored.
/// </summary>
[Alias("Lianxin.ICenterHelpRequestsGrain")]
public interface ICenterHelpRequestsGrain : IGrainWithStringKey
{
    /// <summary>Adds or replaces a ticket (with its last step only); durable before answering; an older report is ignored.</summary>
    [Alias("Upsert")]
    Task UpsertAsync(LoopTicket ticket);

    /// <summary>Every ticket of the center and year.</summary>
    [Alias("List"), ReadOnly]
    Task<IReadOnlyList<LoopTicket>> ListAsync();
}
