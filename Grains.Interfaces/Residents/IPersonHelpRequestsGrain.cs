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

    /// <summary>How many of the person's tickets are still open needs (not yet resolved, rated, closed or rejected).</summary>
    [Alias("CountOpen")]
    Task<int> CountOpenAsync();

    /// <summary>
    /// Adds the ticket when the person has fewer than <paramref name="maxOpen"/> open needs, in one turn of the person's
    /// actor, so two needs stated at once cannot both pass the limit; false (nothing changed) when they have that many.
    /// </summary>
    [Alias("Admit")]
    Task<bool> AdmitAsync(string helpRequestId, int maxOpen);
}
