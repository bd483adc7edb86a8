using Lianxin.Centers;
using static Lianxin.Governance.GovernanceText;

namespace Lianxin.Governance;

/// <summary>
/// 综合服务设施面积: town ≥ 500 m², street ≥ 1,000 m², village ≥ 200 m², community ≥ 30 m² per 100 households
/// (target 40). Merged large communities, old communities and island areas may deviate with a recorded reason.
/// Other levels have no area standard.
/// </summary>
public static class FloorAreaRule
{
    private const string Unit = "m²";

    public static ComplianceCheck Check(CenterProfile profile)
    {
        var area = profile.FloorAreaSqm;
        var level = profile.Level;
        if (level == CenterLevel.Community && profile.Households is not { } households)
        {
            return Result(ComplianceOutcome.Fail, $"Floor area {Number(area)} m² cannot be judged: the community's households are not recorded.", area, null, null, ["Record the number of households."]);
        }

        if (Minimum(level, profile.Households) is not { } required)
        {
            return Result(ComplianceOutcome.NotApplicable, $"Floor area {Number(area)} m²; the plan sets no area standard for a {Name(level)} center.", area, null, null, []);
        }

        var basis = level == CenterLevel.Community
            ? $"{Number(CenterStandards.CommunitySqmPer100Households)} m² per 100 households × {Number(profile.Households!.Value)} households"
            : $"the {Name(level)} standard";
        var findings = new List<string>();
        if (level == CenterLevel.Community)
        {
            var target = profile.Households!.Value * CenterStandards.CommunityTargetSqmPer100Households / 100.0;
            findings.Add(area >= target
                ? $"Meets the target of {Number(CenterStandards.CommunityTargetSqmPer100Households)} m² per 100 households ({Number(target)} m²)."
                : $"Below the target of {Number(CenterStandards.CommunityTargetSqmPer100Households)} m² per 100 households ({Number(target)} m²).");
        }

        if (area >= required)
        {
            if (profile.AreaExemption is { } unused)
            {
                findings.Add($"An exemption ({Name(unused.Kind)}) is on file but not needed.");
            }

            return Result(ComplianceOutcome.Pass, $"Floor area {Number(area)} m² meets {Number(required)} m² ({basis}).", area, required, null, findings);
        }

        var shortfall = $"Floor area {Number(area)} m² is below {Number(required)} m² ({basis})";
        if (profile.AreaExemption is not { } exemption)
        {
            findings.Insert(0, $"Short by {Number(required - area)} m².");
            return Result(ComplianceOutcome.Fail, shortfall + ".", area, required, null, findings);
        }

        if (!AppliesTo(exemption.Kind, level))
        {
            findings.Insert(0, $"The {Name(exemption.Kind)} exemption applies to community centers only, not to a {Name(level)} center.");
            return Result(ComplianceOutcome.Fail, shortfall + ".", area, required, exemption.Reason, findings);
        }

        return Result(ComplianceOutcome.Exempt, $"{shortfall}; exempt ({Name(exemption.Kind)}).", area, required, exemption.Reason, findings);
    }

    /// <summary>The minimum area of a level, or null where the plan sets none.</summary>
    public static double? Minimum(CenterLevel level, int? households) => level switch
    {
        CenterLevel.Town => CenterStandards.TownMinAreaSqm,
        CenterLevel.Street => CenterStandards.StreetMinAreaSqm,
        CenterLevel.Village => CenterStandards.VillageMinAreaSqm,
        // Multiply first: households × 30 is exact, so 1,000 households need exactly 300 m².
        CenterLevel.Community when households is { } h => h * CenterStandards.CommunitySqmPer100Households / 100.0,
        _ => null,
    };

    /// <summary>Merged large and old communities are kinds of community; island areas can be any level.</summary>
    public static bool AppliesTo(AreaExemptionKind kind, CenterLevel level) =>
        kind == AreaExemptionKind.Island || level == CenterLevel.Community;

    private static ComplianceCheck Result(ComplianceOutcome outcome, string summary, double area, double? required, string? reason, IReadOnlyList<string> findings) =>
        new(ComplianceCheckKind.FloorArea, outcome, summary, area, required, Unit, reason, findings);
}
