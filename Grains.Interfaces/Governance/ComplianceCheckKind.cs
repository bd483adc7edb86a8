namespace Lianxin.Governance;

/// <summary>The standards of the implementation plan a center is checked against.</summary>
public enum ComplianceCheckKind
{
    /// <summary>综合服务设施面积: minimum floor area for the center's level.</summary>
    FloorArea = 1,
    /// <summary>Staffing: operations staff, or secretary + committee member + dedicated staff.</summary>
    Staffing = 2,
    /// <summary>At least three days of training per staff member per year.</summary>
    Training = 3,
    /// <summary>The ten basic functions offered.</summary>
    BasicFunctions = 4,
    /// <summary>Staffed opening hours disclosed and extended into the evening (延时服务).</summary>
    OpeningHours = 5,
    /// <summary>24-hour self-service (24小时不打烊): declared and backed by a registered kiosk.</summary>
    SelfService24h = 6,
}
