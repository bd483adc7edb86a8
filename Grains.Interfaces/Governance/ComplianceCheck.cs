namespace Lianxin.Governance;

/// <summary>
/// One standard checked for one center, with the numbers behind the outcome: what was measured, what the
/// standard requires (both in <see cref="Unit"/>), the exemption's reason when there is one, and findings that
/// name what is missing.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.ComplianceCheck")]
public sealed record ComplianceCheck(
    [property: Id(0)] ComplianceCheckKind Kind,
    [property: Id(1)] ComplianceOutcome Outcome,
    [property: Id(2)] string Summary,
    [property: Id(3)] double? Measured,
    [property: Id(4)] double? Required,
    [property: Id(5)] string Unit,
    [property: Id(6)] string? ExemptionReason,
    [property: Id(7)] IReadOnlyList<string> Findings)
{
    /// <summary>True unless the outcome is <see cref="ComplianceOutcome.Fail"/>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Meets => Outcome != ComplianceOutcome.Fail;
}
