namespace Lianxin.Emergencies;

/// <summary>
/// The answer to a command: its outcome, why when refused, and the emergency afterwards. <see cref="Sequence"/> is
/// the journal sequence of the event that made the change (also when a retry finds it done), so the change is
/// audited exactly once under it.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.CommandResult")]
public sealed record CommandResult(
    [property: Id(0)] CommandOutcome Outcome,
    [property: Id(1)] string? Detail,
    [property: Id(2)] EmergencyView? Emergency,
    [property: Id(3)] long? Sequence = null);
