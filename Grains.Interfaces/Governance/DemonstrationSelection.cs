namespace Lianxin.Governance;

/// <summary>
/// The city demonstration centers (市级示范) a region chose in one selection year, from its 5-star centers; who chose
/// them (the token's subject) and in which role.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.DemonstrationSelection")]
public sealed record DemonstrationSelection(
    [property: Id(0)] int Year,
    [property: Id(1)] IReadOnlyList<string> CenterIds,
    [property: Id(2)] string Reason,
    [property: Id(3)] string DecidedBy,
    [property: Id(4)] DateTimeOffset DecidedAt,
    [property: Id(5)] string? DecidedByRole = null);
