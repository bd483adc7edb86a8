namespace Lianxin.Centers;

/// <summary>Daily staffed opening hours (local time); self-service may run around the clock besides.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.OpeningHours")]
public sealed record OpeningHours([property: Id(0)] TimeOnly Opens, [property: Id(1)] TimeOnly Closes);
