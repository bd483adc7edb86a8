namespace Lianxin.Providers;

/// <summary>Every listed provider (key 0), with its region's path, to list by region and to find licences running out.</summary>
[Alias("Lianxin.IProviderDirectoryGrain")]
public interface IProviderDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("Upsert")]
    Task UpsertAsync(ProviderEntry entry);

    [Alias("List"), ReadOnly]
    Task<IReadOnlyList<ProviderEntry>> ListAsync();

    /// <summary>
    /// The providers <paramref name="centerId"/> engaged whose licence runs out within 30 days (local days) or has run
    /// out: what the center's dashboard warns about.
    /// </summary>
    [Alias("Warnings"), ReadOnly]
    Task<IReadOnlyList<LicenceWarning>> WarningsAsync(string centerId);
}
