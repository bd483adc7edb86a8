namespace Lianxin.Volunteers;

/// <summary>
/// The people whose page is open now (their live feed has a subscriber), keyed 0. An emergency pushes a message
/// only to these feeds; everyone else reads it from the emergency when they open their page. Kept in memory: feeds
/// renew their line with every subscription renewal, so a lost activation refills within one renewal.
/// </summary>
[Alias("Lianxin.IOpenPagesGrain")]
public interface IOpenPagesGrain : IGrainWithIntegerKey
{
    /// <summary>The person's page is open (or still open).</summary>
    [Alias("Open"), OneWay]
    Task OpenAsync(string volunteerId);

    /// <summary>The person's feed has gone.</summary>
    [Alias("Close"), OneWay]
    Task CloseAsync(string volunteerId);

    /// <summary>Everyone whose page is open.</summary>
    [Alias("GetOpen"), ReadOnly]
    Task<IReadOnlyList<string>> GetOpenAsync();
}
