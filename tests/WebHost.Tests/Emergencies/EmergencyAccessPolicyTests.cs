using Lianxin.Emergencies;
using Lianxin.WebHost.Apis.Emergencies;
using Lianxin.WebHost.Security;

namespace Lianxin.WebHost.Tests.Emergencies;

public sealed class EmergencyAccessPolicyTests
{
    private static readonly AccessTarget GridOne = new(["c-1", "street-1", "district"], "grid-1");
    private static readonly AccessTarget GridTwo = new(["c-2", "street-2", "district"], "grid-2");
    private static readonly AccessTarget District = new(["district"]);
    private static readonly AccessTarget Street1 = new(["street-1", "district"]);

    private static Caller As(Role role, string scope) => new("someone", role, scope);

    [Theory]
    [InlineData(Role.Operator, "district", true)]
    [InlineData(Role.Operator, "street-1", false)]
    [InlineData(Role.GridLead, "grid-1", false)]
    [InlineData(Role.Staff, "district", false)]
    [InlineData(Role.Auditor, "district", false)]
    [InlineData(Role.Volunteer, "v-1", false)]
    public void LaunchingAcrossTwoGridsNeedsAnOperatorWhoseRegionHoldsBoth(Role role, string scope, bool allowed) =>
        Assert.Equal(allowed, AccessPolicy.CanLaunch(As(role, scope), ScopeKind.Grids, [GridOne, GridTwo]));

    [Fact]
    public void AGridLeadLaunchesOnlyItsOwnGrid()
    {
        Assert.True(AccessPolicy.CanLaunch(As(Role.GridLead, "grid-1"), ScopeKind.Grids, [GridOne]));
        Assert.False(AccessPolicy.CanLaunch(As(Role.GridLead, "grid-1"), ScopeKind.Grids, [GridTwo]));
        Assert.False(AccessPolicy.CanLaunch(As(Role.GridLead, "grid-1"), ScopeKind.Centers, [new AccessTarget(["c-1"])]));
        Assert.False(AccessPolicy.CanLaunch(As(Role.GridLead, "grid-1"), ScopeKind.Grids, []));
    }

    /// <summary>A team is targeted where its center hangs (teams of c-1 on street-1 and of c-2 on street-2).</summary>
    [Theory]
    [InlineData(Role.Operator, "district", true)]
    [InlineData(Role.Operator, "street-1", false)]
    [InlineData(Role.Operator, "street-2", false)]
    [InlineData(Role.GridLead, "grid-1", false)]
    [InlineData(Role.Staff, "district", false)]
    [InlineData(Role.Auditor, "district", false)]
    [InlineData(Role.Volunteer, "v-1", false)]
    public void LaunchingAtTwoTeamsNeedsAnOperatorWhoseRegionHoldsBothTeamsCenters(Role role, string scope, bool allowed) =>
        Assert.Equal(allowed, AccessPolicy.CanLaunch(As(role, scope), ScopeKind.Teams, [new(["c-1", "street-1", "district"]), new(["c-2", "street-2", "district"])]));

    [Fact]
    public void AStreetOperatorTargetsTheTeamsOfItsOwnCentersAndAGridLeadNone()
    {
        var team = new AccessTarget(["c-1", "street-1", "district"]);

        Assert.True(AccessPolicy.CanLaunch(As(Role.Operator, "street-1"), ScopeKind.Teams, [team]));
        Assert.False(AccessPolicy.CanLaunch(As(Role.Operator, "street-1"), ScopeKind.Teams, []));
        Assert.False(AccessPolicy.CanLaunch(As(Role.GridLead, "grid-1"), ScopeKind.Teams, [team]));
    }

    [Fact]
    public void ShapesAreBoundedByTheLaunchersOwnScopeSoOnlyLaunchersMayDrawThem()
    {
        Assert.True(AccessPolicy.CanLaunch(As(Role.GridLead, "grid-1"), ScopeKind.Circle, []));
        Assert.True(AccessPolicy.CanLaunch(As(Role.Operator, "street-1"), ScopeKind.Polygon, []));
        Assert.False(AccessPolicy.CanLaunch(As(Role.Staff, "c-1"), ScopeKind.Polygon, []));
    }

    [Theory]
    [InlineData(Role.Operator, "district", true)]
    [InlineData(Role.Operator, "street-1", true)]
    [InlineData(Role.Staff, "c-1", true)]
    [InlineData(Role.Auditor, "street-2", true)]
    [InlineData(Role.Operator, "elsewhere", false)]
    [InlineData(Role.GridLead, "grid-1", true)]
    [InlineData(Role.GridLead, "grid-9", false)]
    [InlineData(Role.Volunteer, "v-1", false)]
    public void ADistrictEmergencyIsFollowedAboveAndBelowItsHomeAndByTheLeadsOfItsGrids(Role role, string scope, bool allowed)
    {
        var place = scope switch
        {
            "street-1" => Street1,
            "c-1" => new AccessTarget(["c-1", "street-1", "district"]),
            "street-2" => new AccessTarget(["street-2", "district"]),
            "district" => District,
            _ => new AccessTarget([]),
        };

        Assert.Equal(allowed, AccessPolicy.CanFollowEmergency(As(role, scope), District, place, ["grid-1", "grid-2"]));
    }

    [Fact]
    public void OnlyTheLaunchersSideCommandsAnEmergency()
    {
        var leadsOwn = GridOne;

        Assert.True(AccessPolicy.CanCommandEmergency(As(Role.Operator, "district"), Street1));
        Assert.False(AccessPolicy.CanCommandEmergency(As(Role.Operator, "street-1"), District));
        Assert.True(AccessPolicy.CanCommandEmergency(As(Role.GridLead, "grid-1"), leadsOwn));
        Assert.False(AccessPolicy.CanCommandEmergency(As(Role.GridLead, "grid-1"), District));
        Assert.False(AccessPolicy.CanCommandEmergency(As(Role.Staff, "district"), District));
    }

    [Fact]
    public void OnBehalfAnswersComeFromThePersonsGridLeadTheirCentersStaffOrTheirRegionsOperator()
    {
        Assert.True(AccessPolicy.CanAnswerOnBehalf(As(Role.GridLead, "grid-1"), GridOne));
        Assert.False(AccessPolicy.CanAnswerOnBehalf(As(Role.GridLead, "grid-1"), GridTwo));
        Assert.True(AccessPolicy.CanAnswerOnBehalf(As(Role.Operator, "street-1"), GridOne));
        Assert.False(AccessPolicy.CanAnswerOnBehalf(As(Role.Operator, "street-1"), GridTwo));
        Assert.True(AccessPolicy.CanAnswerOnBehalf(As(Role.Staff, "c-1"), GridOne));
        Assert.False(AccessPolicy.CanAnswerOnBehalf(As(Role.Staff, "c-1"), GridTwo));
        Assert.False(AccessPolicy.CanAnswerOnBehalf(As(Role.Auditor, "district"), GridOne));
        Assert.False(AccessPolicy.CanAnswerOnBehalf(As(Role.Volunteer, "v-1"), GridOne));
    }

    [Fact]
    public void ADistrictScenarioIsWrittenByItsOperatorAndUsedByEveryoneBelow()
    {
        Assert.True(AccessPolicy.CanManageScenario(As(Role.Operator, "district"), District));
        Assert.False(AccessPolicy.CanManageScenario(As(Role.Operator, "street-1"), District));
        Assert.True(AccessPolicy.CanUseScenario(As(Role.Operator, "street-1"), District, Street1));
        Assert.True(AccessPolicy.CanUseScenario(As(Role.GridLead, "grid-1"), District, GridOne));
        Assert.False(AccessPolicy.CanUseScenario(As(Role.Volunteer, "v-1"), District, GridOne));
    }

    [Fact]
    public void AGridScenarioBelongsToItsGridLead()
    {
        Assert.True(AccessPolicy.CanManageScenario(As(Role.GridLead, "grid-1"), GridOne));
        Assert.False(AccessPolicy.CanManageScenario(As(Role.Operator, "district"), GridOne));
        Assert.False(AccessPolicy.CanUseScenario(As(Role.GridLead, "grid-2"), GridOne, GridTwo));
        Assert.True(AccessPolicy.CanUseScenario(As(Role.Auditor, "district"), GridOne, District));
    }

    [Fact]
    public void AnEmergencyIdFollowsTheLauncherAndTheKey()
    {
        Assert.Equal(EmergencyIds.FromKey("op-1", "k"), EmergencyIds.FromKey("op-1", "k"));
        Assert.NotEqual(EmergencyIds.FromKey("op-1", "k"), EmergencyIds.FromKey("op-2", "k"));
        Assert.NotEqual(EmergencyIds.FromKey("op-1", "k"), EmergencyIds.FromKey("op-1", "k2"));
        Assert.Matches("^em-[0-9a-f]{20}$", EmergencyIds.FromKey("op-1", "k"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("bad\nkey")]
    public void AnIdempotencyKeyMustBeThere(string? key) => Assert.NotNull(EmergencyIds.CheckKey(key));
}
