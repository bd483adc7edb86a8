namespace Lianxin.Governance;

/// <summary>What kind of place serves residents within walking distance.</summary>
public enum ServiceSiteKind
{
    /// <summary>A Party-Mass Service Center of any level, including sector sites.</summary>
    Center = 1,
    /// <summary>A Red Sail station (红帆驿站).</summary>
    Station = 2,
    /// <summary>A 24-hour self-service kiosk; it stands at its center (the registry holds no kiosk position).</summary>
    Kiosk = 3,
    /// <summary>A proposed new site, for what-if analysis.</summary>
    Proposed = 4,
}
