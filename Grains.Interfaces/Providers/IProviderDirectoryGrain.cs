namespace Lianxin.Providers;

/// <summary>Every listed provider (key 0), with its region's path, to list by region and to find licences running out.</summary>
[Alias("Lianxin.IProviderDirectoryGrain")]
public interface IProviderDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Adds a provider's entry or replaces the one it had.</summary>
    [Alias("Upsert")]
    Task UpsertAsync(ProviderEntry entry);

    /// <summary>Every listed provider, ordered by id.</summary>
    [Alias("List"), ReadOnly]
    Task<IReadOnlyList<ProviderEntry>> ListAsync();

    /// <summary>
    /// The providers <paramref name="centerId"/> engaged whose licence runs out within 30 days (local days) or has run
    /// out: what the center's dashboard warns about.
    /// </summary>
    [Alias("Warnings"), ReadOnly]
    Task<IReadOnlyList<LicenceWarning>> WarningsAsync(string centerId);
}
