using Lianxin.Centers;

namespace Lianxin.Governance;

/// <summary>Training: every staff member of every center gets at least 3 days of training a year.</summary>
public static class TrainingRule
{
    private const string Unit = "staff trained";

    public static ComplianceCheck Check(CenterProfile profile)
    {
        var staff = profile.Staff;
        var min = CenterStandards.MinTrainingDays;
        if (staff.Count == 0)
        {
            return new(ComplianceCheckKind.Training, ComplianceOutcome.Fail, "No staff are recorded, so nobody was trained.", 0, 0, Unit, null, ["Record the center's staff."]);
        }

        var below = staff.Where(s => s.TrainingDays < min).ToList();
        var trained = staff.Count - below.Count;
        return below.Count == 0
            ? new(ComplianceCheckKind.Training, ComplianceOutcome.Pass, $"All {staff.Count} staff had at least {min} days of training.", trained, staff.Count, Unit, null, [])
            : new(
                ComplianceCheckKind.Training,
                ComplianceOutcome.Fail,
                $"{trained} of {staff.Count} staff had at least {min} days of training.",
                trained,
                staff.Count,
                Unit,
                null,
                [.. below.Select(s => $"{s.Name}: {s.TrainingDays} day{(s.TrainingDays == 1 ? "" : "s")}.")]);
    }
}
