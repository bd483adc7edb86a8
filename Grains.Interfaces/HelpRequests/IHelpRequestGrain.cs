namespace Lianxin.HelpRequests;

/// <summary>One help request ticket, keyed by ticket id (a kiosk's ticket id is derived from its event id).</summary>
[Alias("Lianxin.IHelpRequestGrain")]
public interface IHelpRequestGrain : IGrainWithStringKey
{
    /// <summary>
    /// Opens the ticket (state open, no owner) and counts it at its center. Idempotent: opening it again changes
    /// nothing and answers the ticket as it is.
    /// </summary>
    [Alias("Open")]
    Task<HelpRequestTicket> OpenAsync(HelpRequestTicket ticket);

    /// <summary>The ticket, or null when never opened.</summary>
    [Alias("Get"), ReadOnly]
    Task<HelpRequestTicket?> GetAsync();
}
