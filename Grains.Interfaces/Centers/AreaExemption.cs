namespace Lianxin.Centers;

/// <summary>An explicit exemption from the floor-area standard, always with a reason.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.AreaExemption")]
public sealed record AreaExemption([property: Id(0)] AreaExemptionKind Kind, [property: Id(1)] string Reason);
