namespace Lianxin.WebHost.Security;

/// <summary>Who a token speaks for. Each role carries one scope id (see <see cref="Caller"/>).</summary>
public enum Role
{
    /// <summary>A command-center operator; scope: a region (district or street center) and its subtree.</summary>
    Operator = 1,
    /// <summary>Center staff; scope: a center and its subtree.</summary>
    Staff = 2,
    /// <summary>A grid lead (网格长); scope: a grid.</summary>
    GridLead = 3,
    /// <summary>A volunteer or party member; scope: themselves.</summary>
    Volunteer = 4,
    /// <summary>An auditor; scope: a region, read-only.</summary>
    Auditor = 5,
    /// <summary>
    /// A resident (群众) signed in by phone code or at a kiosk with their ID card; scope: themselves, by the pseudonym of
    /// that number (<c>pid-…</c>). Only the resident routes admit them (see <see cref="AuthConfiguration.AnyRoleOrResidentPolicy"/>).
    /// </summary>
    Resident = 6,
}
