namespace Lianxin.Emergencies;

/// <summary>End or cancel an emergency: who, and why.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.CloseCommand")]
public sealed record CloseCommand(
    [property: Id(0)] string By,
    [property: Id(1)] string? Comment);
