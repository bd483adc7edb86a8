namespace Lianxin.Providers;

/// <summary>The persisted provider directory.</summary>
[GenerateSerializer, Alias("Lianxin.ProviderDirectoryState")]
public sealed class ProviderDirectoryState
{
    [Id(0)] public Dictionary<string, ProviderEntry> Entries { get; set; } = new(StringComparer.Ordinal);
}
