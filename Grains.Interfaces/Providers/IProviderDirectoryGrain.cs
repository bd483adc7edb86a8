namespace Lianxin.Providers;

/// <summary>Every listed provider (key 0), with its region's path, to list by region and to find licences running out.</summary>
[Alias("Lianxin.IProviderDirectoryGrain")]
public interface IProviderDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("Upsert")]
    Task UpsertAsync(ProviderEntry entry);

    [Alias("List"), ReadOnly]
    Task<IReadOnlyList<ProviderEntry>> ListAsync();
}
