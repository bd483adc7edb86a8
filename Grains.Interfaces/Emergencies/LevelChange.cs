namespace Lianxin.Emergencies;

/// <summary>Raise or lower a running emergency's level; the update reaches everyone.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.LevelChange")]
public sealed record LevelChange(
    [property: Id(0)] EmergencyLevel Level,
    [property: Id(1)] string By,
    [property: Id(2)] string? Comment);
