using Lianxin.HelpRequests;

namespace Lianxin.Governance;

/// <summary>One step of a help request's history: the stage it entered, when, by whom (or "system"), and a note.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.LoopEvent")]
public sealed record LoopEvent(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] HelpRequestState Stage,
    [property: Id(2)] string Actor,
    [property: Id(3)] string? Note);
