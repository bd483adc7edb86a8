using Lianxin.Centers;

namespace Lianxin.Governance;

/// <summary>
/// Checks a center against every standard of the implementation plan. Pure: the same registry facts always give
/// the same checks, so region views, the star rating and the yearly report agree.
/// </summary>
public static class ComplianceRules
{
    /// <summary>Every check, in the order of <see cref="ComplianceCheckKind"/>.</summary>
    public static CenterCompliance Evaluate(string centerId, CenterProfile profile, int kioskCount) => new(
        centerId,
        profile.Name,
        profile.Level,
        profile.ParentId,
        [
            FloorAreaRule.Check(profile),
            StaffingRule.Check(profile),
            TrainingRule.Check(profile),
            BasicFunctionsRule.Check(profile),
            OpeningHoursRule.Check(profile),
            SelfServiceRule.Check(profile, kioskCount),
        ]);

    /// <summary>Every check of a center as read from its actor.</summary>
    public static CenterCompliance Evaluate(CenterSnapshot center) => Evaluate(center.Id, center.Profile, center.KioskIds.Count);
}
