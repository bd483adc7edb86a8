namespace Lianxin.Listings;

/// <summary>The registries a client can page through. Stored as numbers: never renumber.</summary>
public enum ListingKind
{
    Center = 1,
    Grid = 2,
    Volunteer = 3,
    Kiosk = 4,
    HelpRequest = 5,
    Emergency = 6,
}
