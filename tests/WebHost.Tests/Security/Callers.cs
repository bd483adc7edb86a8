using Lianxin.WebHost.Security;
using static Lianxin.WebHost.Tests.Security.SecurityDistrict;

namespace Lianxin.WebHost.Tests.Security;

/// <summary>How a caller presents itself: nothing, a bearer token, or a kiosk device key.</summary>
public enum Credential
{
    None,
    Bearer,
    Kiosk,
}

/// <summary>
/// One caller of the matrix. <see cref="Valid"/> is false for tokens the host must not accept (forged, expired); the
/// role and scope are what a valid token carries.
/// </summary>
public sealed record CallerSpec(string Name, Credential Credential, Role? Role = null, string? Scope = null, bool Valid = true)
{
    public override string ToString() => Name;
}

/// <summary>
/// Every caller the matrix tries, in and out of scope of the targets (which all live in region 1: center A, grid A1,
/// volunteer A1, kiosk A).
/// </summary>
public static class Callers
{
    public static readonly CallerSpec Anonymous = new("anonymous", Credential.None);
    public static readonly CallerSpec Forged = new("token signed with another key", Credential.Bearer, Valid: false);
    public static readonly CallerSpec Expired = new("expired token", Credential.Bearer, Valid: false);
    public static readonly CallerSpec KioskAKey = new("kiosk A's device key", Credential.Kiosk);
    public static readonly CallerSpec KioskBKey = new("kiosk B's device key", Credential.Kiosk);
    public static readonly CallerSpec WrongKioskKey = new("kiosk A's id with a wrong key", Credential.Kiosk, Valid: false);
    public static readonly CallerSpec Operator = new("operator of region 1", Credential.Bearer, Role.Operator, Region1);
    public static readonly CallerSpec OtherOperator = new("operator of region 2", Credential.Bearer, Role.Operator, Region2);
    public static readonly CallerSpec Auditor = new("auditor of region 1", Credential.Bearer, Role.Auditor, Region1);
    public static readonly CallerSpec OtherAuditor = new("auditor of region 2", Credential.Bearer, Role.Auditor, Region2);
    public static readonly CallerSpec Staff = new("staff of center A", Credential.Bearer, Role.Staff, CenterA);
    public static readonly CallerSpec OtherStaff = new("staff of center B", Credential.Bearer, Role.Staff, CenterB);
    public static readonly CallerSpec Lead = new("grid lead of A1", Credential.Bearer, Role.GridLead, GridA1);
    public static readonly CallerSpec OtherLead = new("grid lead of B1", Credential.Bearer, Role.GridLead, GridB1);
    public static readonly CallerSpec Volunteer = new("volunteer of A1 (self)", Credential.Bearer, Role.Volunteer, VolunteerA1);
    public static readonly CallerSpec OtherVolunteer = new("volunteer of B1", Credential.Bearer, Role.Volunteer, VolunteerB1);
    public static readonly CallerSpec Resident = new("resident (self)", Credential.Bearer, Role.Resident, ResidentA);

    public static readonly IReadOnlyList<CallerSpec> All =
    [
        Anonymous, Forged, Expired, KioskAKey, KioskBKey, WrongKioskKey, Operator, OtherOperator, Auditor, OtherAuditor, Staff, OtherStaff, Lead, OtherLead, Volunteer, OtherVolunteer, Resident,
    ];

    public static CallerSpec Named(string name) => All.Single(c => c.Name == name);

    /// <summary>Shorthands for the allowed-caller lists of the matrix.</summary>
    public static readonly CallerSpec[] ReadersOfCenterA = [Operator, Auditor, Staff];
    public static readonly CallerSpec[] ReadersOfGridA1 = [Operator, Auditor, Staff, Lead];
    public static readonly CallerSpec[] ReadersOfVolunteerA1 = [Operator, Auditor, Staff, Lead, Volunteer];
    public static readonly CallerSpec[] ReadersOfRegion1 = [Operator, Auditor];
    public static readonly CallerSpec[] WritersOfCenterA = [Operator, Staff];
    public static readonly CallerSpec[] FollowersOfGridEmergency = [Operator, Auditor, Staff, Lead];
    public static readonly CallerSpec[] EveryBearer = [Operator, OtherOperator, Auditor, OtherAuditor, Staff, OtherStaff, Lead, OtherLead, Volunteer, OtherVolunteer];
}
