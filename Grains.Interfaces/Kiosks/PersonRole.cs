namespace Lianxin.Kiosks;

/// <summary>Who checks in at a kiosk.</summary>
public enum PersonRole
{
    /// <summary>A resident visiting the center, with a purpose.</summary>
    Visitor = 1,
    /// <summary>A volunteer or party member starting or ending duty.</summary>
    Volunteer = 2,
    /// <summary>A mobile party member (流动党员) reporting in, typically at a Red Sail station.</summary>
    MobilePartyMember = 3,
}
