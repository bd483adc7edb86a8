namespace Lianxin.Emergencies;

/// <summary>One line of an emergency's timeline: launched, a message sent, a level change, an escalation, the end.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.TimelineEvent")]
public sealed record TimelineEvent(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Detail);
