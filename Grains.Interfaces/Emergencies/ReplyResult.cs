namespace Lianxin.Emergencies;

/// <summary>The answer to a reply: its outcome and, when recorded, the change and the person's roll-call line.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.ReplyResult")]
public sealed record ReplyResult(
    [property: Id(0)] ReplyOutcome Outcome,
    [property: Id(1)] string? Detail,
    [property: Id(2)] StatusChange? Change);
