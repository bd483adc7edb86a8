namespace Lianxin.Providers;

/// <summary>The persisted state of a provider. A schema: members are only ever added, ids never reused.</summary>
[GenerateSerializer, Alias("Lianxin.ProviderState")]
public sealed class ProviderState
{
    [Id(0)] public ProviderProfile? Profile { get; set; }
    [Id(1)] public string ChangedBy { get; set; } = "";
    [Id(2)] public DateTimeOffset ChangedAt { get; set; }
    [Id(3)] public SortedSet<string> CenterIds { get; set; } = new(StringComparer.Ordinal);
}
