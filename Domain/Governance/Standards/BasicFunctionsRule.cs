using Lianxin.Centers;
using Lianxin.Common;
using static Lianxin.Governance.GovernanceText;

namespace Lianxin.Governance;

/// <summary>
/// The ten basic functions: every center of the district–town/street–village/community system offers all ten.
/// Sector sites and Red Sail stations serve a narrower purpose (错位互补) and are not held to all ten.
/// </summary>
public static class BasicFunctionsRule
{
    private const string Unit = "functions";

    public static ComplianceCheck Check(CenterProfile profile)
    {
        var offered = profile.Functions.Distinct().Count(f => Enum.IsDefined(f));
        var required = CenterStandards.BasicFunctionCount;
        var missing = Enum.GetValues<BasicFunction>().Except(profile.Functions).Select(Name).ToList();
        if (profile.Level is CenterLevel.SectorSite or CenterLevel.RedSailStation)
        {
            return new(ComplianceCheckKind.BasicFunctions, ComplianceOutcome.NotApplicable, $"{offered} of {required} functions offered; a {Name(profile.Level)} is not held to all ten.", offered, null, Unit, null, []);
        }

        return missing.Count == 0
            ? new(ComplianceCheckKind.BasicFunctions, ComplianceOutcome.Pass, $"All {required} basic functions offered.", offered, required, Unit, null, [])
            : new(ComplianceCheckKind.BasicFunctions, ComplianceOutcome.Fail, $"{offered} of {required} basic functions offered.", offered, required, Unit, null, [.. missing.Select(m => $"Missing: {m}.")]);
    }
}
