using Lianxin.Centers;

namespace Lianxin.Governance;

/// <summary>Every standard checked for one center, as of the moment it was evaluated.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.CenterCompliance")]
public sealed record CenterCompliance(
    [property: Id(0)] string CenterId,
    [property: Id(1)] string Name,
    [property: Id(2)] CenterLevel Level,
    [property: Id(3)] string? ParentId,
    [property: Id(4)] IReadOnlyList<ComplianceCheck> Checks)
{
    /// <summary>True when at least one check fails.</summary>
    public bool Failing => Checks.Any(c => c.Outcome == ComplianceOutcome.Fail);

    /// <summary>The check of one kind; every evaluation holds one of each.</summary>
    public ComplianceCheck this[ComplianceCheckKind kind] => Checks.First(c => c.Kind == kind);
}
