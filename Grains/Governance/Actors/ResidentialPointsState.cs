namespace Lianxin.Governance;

/// <summary>The persisted residential points of one center. A schema: members only added, ids never reused.</summary>
[GenerateSerializer, Alias("Lianxin.ResidentialPointsState")]
public sealed class ResidentialPointsState
{
    [Id(0)] public List<ResidentialPoint> Points { get; set; } = [];
}
