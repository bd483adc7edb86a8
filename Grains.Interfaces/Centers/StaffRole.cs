namespace Lianxin.Centers;

/// <summary>A staff member's role at a center.</summary>
public enum StaffRole
{
    /// <summary>The party secretary, overall responsible for a village or community center.</summary>
    Secretary = 1,
    /// <summary>The committee member directly responsible.</summary>
    CommitteeMember = 2,
    /// <summary>Dedicated staff running daily operations.</summary>
    DedicatedStaff = 3,
    /// <summary>Operations staff (阵地运维人员) of a center run at a level of government.</summary>
    OperationsStaff = 4,
    /// <summary>A third-party service provider's operator; never handles party affairs.</summary>
    ThirdParty = 5,
}
