using Lianxin.Centers;
using static Lianxin.Governance.GovernanceText;

namespace Lianxin.Governance;

/// <summary>
/// Staffing: a center run at a level of government (district, town, street, management committee) has at least
/// 3 operations staff; a village or community center has its party secretary overall responsible, 1 committee
/// member directly responsible, and at least 1 dedicated staff member. Third-party operators never count.
/// Sector sites and Red Sail stations have no staffing standard.
/// </summary>
public static class StaffingRule
{
    public static ComplianceCheck Check(CenterProfile profile)
    {
        var staff = profile.Staff;
        var operations = staff.Count(s => s.Role is StaffRole.OperationsStaff or StaffRole.DedicatedStaff);
        switch (profile.Level)
        {
            case CenterLevel.District or CenterLevel.Town or CenterLevel.Street or CenterLevel.ManagementCommittee:
            {
                var required = CenterStandards.MinOperationsStaff;
                return operations >= required
                    ? Result(ComplianceOutcome.Pass, $"{operations} operations staff (at least {required}).", operations, required, "operations staff", [])
                    : Result(ComplianceOutcome.Fail, $"{operations} operations staff; at least {required} are required.", operations, required, "operations staff", [$"Short by {required - operations}."]);
            }

            case CenterLevel.Village or CenterLevel.Community:
            {
                var missing = new List<string>();
                if (!staff.Any(s => s.Role == StaffRole.Secretary))
                {
                    missing.Add("No party secretary is recorded as overall responsible.");
                }

                if (!staff.Any(s => s.Role == StaffRole.CommitteeMember))
                {
                    missing.Add("No committee member is recorded as directly responsible.");
                }

                if (operations < 1)
                {
                    missing.Add("No dedicated staff member runs daily operations.");
                }

                var filled = 3 - missing.Count;
                return missing.Count == 0
                    ? Result(ComplianceOutcome.Pass, $"Secretary, committee member and {operations} dedicated staff.", filled, 3, "roles filled", [])
                    : Result(ComplianceOutcome.Fail, $"{filled} of the 3 required roles are filled.", filled, 3, "roles filled", missing);
            }

            default:
                return Result(ComplianceOutcome.NotApplicable, $"{staff.Count} staff; the plan sets no staffing standard for a {Name(profile.Level)} center.", staff.Count, null, "staff", []);
        }
    }

    private static ComplianceCheck Result(ComplianceOutcome outcome, string summary, double measured, double? required, string unit, IReadOnlyList<string> findings) =>
        new(ComplianceCheckKind.Staffing, outcome, summary, measured, required, unit, null, findings);
}
