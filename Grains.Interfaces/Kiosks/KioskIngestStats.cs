namespace Lianxin.Kiosks;

/// <summary>What a kiosk has sent: events applied, refused by a rule, and re-sent; and how far the journal has been applied.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.KioskIngestStats")]
public sealed record KioskIngestStats(
    [property: Id(0)] long Accepted,
    [property: Id(1)] long Rejected,
    [property: Id(2)] long Duplicates,
    [property: Id(3)] long AppliedPosition,
    [property: Id(4)] DateTimeOffset? LastBatchAt);
