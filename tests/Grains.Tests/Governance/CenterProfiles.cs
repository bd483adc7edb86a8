using Lianxin.Centers;
using Lianxin.Common;

namespace Lianxin.Grains.Tests.Governance;

/// <summary>Builds center profiles for rule tests: compliant by default, changed with <c>with</c>.</summary>
internal static class CenterProfiles
{
    public static readonly IReadOnlyList<BasicFunction> AllFunctions = Enum.GetValues<BasicFunction>();

    public static CenterProfile Community(double areaSqm, int households) =>
        Base(CenterLevel.Community, areaSqm) with { Households = households };

    public static CenterProfile Village(double areaSqm) => Base(CenterLevel.Village, areaSqm) with { Households = 600 };

    public static CenterProfile Of(CenterLevel level, double areaSqm = 2000) => Base(level, areaSqm);

    public static CenterProfile Base(CenterLevel level, double areaSqm) => new(
        "测试党群服务中心",
        level,
        "parent",
        new GeoPoint(27.7, 121.1),
        areaSqm,
        null,
        new OpeningHours(new TimeOnly(8, 30), new TimeOnly(20, 30)),
        true,
        level is CenterLevel.Village or CenterLevel.Community
            ? [Staff("书记", StaffRole.Secretary), Staff("委员", StaffRole.CommitteeMember), Staff("专职", StaffRole.DedicatedStaff)]
            : [Staff("甲", StaffRole.OperationsStaff), Staff("乙", StaffRole.OperationsStaff), Staff("丙", StaffRole.OperationsStaff)],
        AllFunctions,
        null);

    public static StaffMember Staff(string name, StaffRole role, int trainingDays = 3, bool partyMember = true) =>
        new(name, role, partyMember, trainingDays);
}
