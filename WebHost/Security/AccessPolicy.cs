using Lianxin.Emergencies;

namespace Lianxin.WebHost.Security;

/// <summary>
/// The access rules, as pure functions of a caller and a resolved target. Operators and auditors cover a
/// region's subtree, staff a center's subtree, a grid lead its grid, a volunteer or resident themselves (a resident
/// also under the person ids linked to theirs, <see cref="Caller.Aliases"/>). Only operators
/// and staff write the registry; auditors never write.
/// </summary>
public static class AccessPolicy
{
    public static bool CanRead(Caller caller, AccessTarget target) => caller.Role switch
    {
        Role.Operator or Role.Auditor or Role.Staff => target.CenterPath.Contains(caller.ScopeId),
        Role.GridLead => target.GridId == caller.ScopeId,
        Role.Volunteer or Role.Resident => caller.SpeaksFor(target.VolunteerId),
        _ => false,
    };

    public static bool CanWriteRegistry(Caller caller, AccessTarget target) =>
        caller.Role is Role.Operator or Role.Staff && target.CenterPath.Contains(caller.ScopeId);

    /// <summary>
    /// Rating decisions and demonstration picks for a center belong to the level above it: an operator whose region
    /// holds the center strictly below its own scope (the street or district command center). A center's own staff, or
    /// the operator of the center itself, never decide for it.
    /// </summary>
    public static bool CanDecideFor(Caller caller, AccessTarget center) =>
        caller.Role == Role.Operator && center.CenterPath.Count > 1 && center.CenterPath.Skip(1).Contains(caller.ScopeId);

    /// <summary>
    /// A root center (no parent) can only be created by the operator whose region it is: the command
    /// center provisions its own district.
    /// </summary>
    public static bool CanCreateRoot(Caller caller, string centerId) =>
        caller.Role == Role.Operator && caller.ScopeId == centerId;

    /// <summary>
    /// Launching an emergency: a grid lead only inside its grid, an operator only inside its region (centers, and teams
    /// by their centers). A drawn shape is searched inside the launcher's own grid or region, so it never reaches beyond
    /// them. A grid lead never names centers or teams: a team's people may live on other grids.
    /// </summary>
    public static bool CanLaunch(Caller caller, ScopeKind kind, IReadOnlyList<AccessTarget> targets) => caller.Role switch
    {
        Role.Operator => kind is ScopeKind.Polygon or ScopeKind.Circle
            || (targets.Count > 0 && targets.All(t => t.CenterPath.Contains(caller.ScopeId))),
        Role.GridLead => kind is ScopeKind.Polygon or ScopeKind.Circle
            || (kind == ScopeKind.Grids && targets.Count > 0 && targets.All(t => t.GridId == caller.ScopeId)),
        _ => false,
    };

    /// <summary>
    /// Following an emergency (roll-call, report, CAP): operators, auditors and staff above or below its home center,
    /// and the grid leads of the grids it reaches. <paramref name="callerPlace"/> is where the caller's scope hangs.
    /// </summary>
    public static bool CanFollowEmergency(Caller caller, AccessTarget home, AccessTarget callerPlace, IReadOnlyCollection<string> gridIds) => caller.Role switch
    {
        Role.Operator or Role.Auditor or Role.Staff => home.CenterPath.Contains(caller.ScopeId)
            || (home.CenterPath.Count > 0 && callerPlace.CenterPath.Contains(home.CenterPath[0])),
        Role.GridLead => home.GridId == caller.ScopeId || gridIds.Contains(caller.ScopeId),
        _ => false,
    };

    /// <summary>Changing the level, ending, cancelling: the operator whose region holds its home, or the grid lead who launched in its grid.</summary>
    public static bool CanCommandEmergency(Caller caller, AccessTarget home) => caller.Role switch
    {
        Role.Operator => home.CenterPath.Contains(caller.ScopeId),
        Role.GridLead => home.GridId is not null && home.GridId == caller.ScopeId,
        _ => false,
    };

    /// <summary>
    /// Answering on someone's behalf, under one's own identity: their grid lead, the staff of a center whose subtree
    /// holds their grid, or an operator whose region does. Auditors and volunteers never.
    /// </summary>
    public static bool CanAnswerOnBehalf(Caller caller, AccessTarget personGrid) => caller.Role switch
    {
        Role.GridLead => personGrid.GridId == caller.ScopeId,
        Role.Operator or Role.Staff => personGrid.CenterPath.Contains(caller.ScopeId),
        _ => false,
    };

    /// <summary>Writing a scenario: the operator whose region owns it, or the grid lead whose grid owns it.</summary>
    public static bool CanManageScenario(Caller caller, AccessTarget owner) => caller.Role switch
    {
        Role.Operator => owner.GridId is null && owner.CenterPath.Contains(caller.ScopeId),
        Role.GridLead => owner.GridId == caller.ScopeId,
        _ => false,
    };

    /// <summary>
    /// Reading and launching a scenario: whoever may write it, auditors of its region, and the operators and grid
    /// leads below a center that owns it (a district's typhoon plan is every street's and grid's too).
    /// </summary>
    public static bool CanUseScenario(Caller caller, AccessTarget owner, AccessTarget callerPlace) =>
        CanManageScenario(caller, owner)
        || (caller.Role == Role.Auditor && owner.CenterPath.Contains(caller.ScopeId))
        || (caller.Role is Role.Operator or Role.GridLead or Role.Auditor && owner.GridId is null && owner.CenterPath.Count > 0
            && callerPlace.CenterPath.Contains(owner.CenterPath[0]));
}
