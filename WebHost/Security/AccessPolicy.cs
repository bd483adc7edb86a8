namespace Lianxin.WebHost.Security;

/// <summary>
/// The access rules, as pure functions of a caller and a resolved target. Operators and auditors cover a
/// region's subtree, staff a center's subtree, a grid lead its grid, a volunteer themselves. Only operators
/// and staff write the registry; auditors never write.
/// </summary>
public static class AccessPolicy
{
    public static bool CanRead(Caller caller, AccessTarget target) => caller.Role switch
    {
        Role.Operator or Role.Auditor or Role.Staff => target.CenterPath.Contains(caller.ScopeId),
        Role.GridLead => target.GridId == caller.ScopeId,
        Role.Volunteer => target.VolunteerId == caller.ScopeId,
        _ => false,
    };

    public static bool CanWriteRegistry(Caller caller, AccessTarget target) =>
        caller.Role is Role.Operator or Role.Staff && target.CenterPath.Contains(caller.ScopeId);

    /// <summary>
    /// A root center (no parent) can only be created by the operator whose region it is: the command
    /// center provisions its own district.
    /// </summary>
    public static bool CanCreateRoot(Caller caller, string centerId) =>
        caller.Role == Role.Operator && caller.ScopeId == centerId;
}
