namespace Lianxin.Listings;

/// <summary>The orders a listing can be read in; each is a keyset with the id as tie-breaker, so cursors stay stable.</summary>
public enum ListingSort
{
    /// <summary>The registry's own key: name for centers, grids, people and kiosks; due time for help requests; launch time for emergencies.</summary>
    Key = 0,
    /// <summary>By id alone.</summary>
    Id = 1,
}
