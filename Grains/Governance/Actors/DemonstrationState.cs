namespace Lianxin.Governance;

/// <summary>The persisted selections of one region and selection year, oldest first; the last is current.</summary>
[GenerateSerializer, Alias("Lianxin.DemonstrationState")]
public sealed class DemonstrationState
{
    [Id(0)] public List<DemonstrationSelection> Selections { get; set; } = [];
}
