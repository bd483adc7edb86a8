namespace Lianxin.Emergencies;

/// <summary>The answer to a launch.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.LaunchResult")]
public sealed record LaunchResult(
    [property: Id(0)] LaunchOutcome Outcome,
    [property: Id(1)] string? Detail,
    [property: Id(2)] EmergencyView? Emergency);
