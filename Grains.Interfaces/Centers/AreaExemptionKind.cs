namespace Lianxin.Centers;

/// <summary>Why a center may deviate from the floor-area standard ("根据实际确定").</summary>
public enum AreaExemptionKind
{
    /// <summary>A merged large community.</summary>
    MergedLargeCommunity = 1,
    /// <summary>An old community.</summary>
    OldCommunity = 2,
    /// <summary>An island area.</summary>
    Island = 3,
}
