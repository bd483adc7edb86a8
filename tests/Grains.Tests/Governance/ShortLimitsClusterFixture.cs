namespace Lianxin.Grains.Tests.Governance;

/// <summary>
/// A governance cluster whose help requests must be assigned, and escalations acted on, within one second (the other
/// limits are an hour), so escalation runs on the actors' own timers within a test.
/// </summary>
public sealed class ShortLimitsClusterFixture : GovernanceClusterFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Governance:Evidence:ReportInterval"] = "00:00:00",
        ["Governance:ClosedLoop:ToAssign"] = "00:00:01",
        ["Governance:ClosedLoop:ToActOnEscalation"] = "00:00:01",
        ["Governance:ClosedLoop:ToStart"] = "01:00:00",
        ["Governance:ClosedLoop:ToResolve"] = "01:00:00",
        ["Governance:ClosedLoop:ToRate"] = "01:00:00",
    };
}
