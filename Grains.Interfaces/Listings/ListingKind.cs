namespace Lianxin.Listings;

/// <summary>The registries a client can page through. Stored as numbers: never renumber.</summary>
public enum ListingKind
{
    /// <summary>Service centers.</summary>
    Center = 1,

    /// <summary>Grids.</summary>
    Grid = 2,

    /// <summary>People (volunteers, grid staff, party members).</summary>
    Volunteer = 3,

    /// <summary>Self-service kiosks.</summary>
    Kiosk = 4,

    /// <summary>Help requests and orders not yet closed.</summary>
    HelpRequest = 5,

    /// <summary>Emergencies, running and closed.</summary>
    Emergency = 6,
}
