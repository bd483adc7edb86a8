namespace Lianxin.Emergencies;

/// <summary>The answer to a command: its outcome, why when refused, and the emergency afterwards.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.CommandResult")]
public sealed record CommandResult(
    [property: Id(0)] CommandOutcome Outcome,
    [property: Id(1)] string? Detail,
    [property: Id(2)] EmergencyView? Emergency);
