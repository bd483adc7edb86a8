namespace Lianxin.Residents;

/// <summary>
/// The help requests (orders) raised for one person, keyed by person id: what the resident's own page lists. Tickets
/// report themselves here when they open and on every step, so the list holds whatever opened them (a kiosk, staff,
/// the resident).
/// </summary>
[Alias("Lianxin.IPersonHelpRequestsGrain")]
public interface IPersonHelpRequestsGrain : IGrainWithStringKey
{
    /// <summary>Adds the ticket (idempotent); durable before answering.</summary>
    [Alias("Track")]
    Task TrackAsync(string helpRequestId);

    /// <summary>The person's ticket ids, newest first.</summary>
    [Alias("List"), ReadOnly]
    Task<IReadOnlyList<string>> ListAsync();
}
