using Lianxin.Common;
using Lianxin.Volunteers;

namespace Lianxin.Grids;

/// <summary>One grid (网格) of a center, keyed by grid id: its boundary and its "1+3+N" roster.</summary>
[Alias("Lianxin.IGridGrain")]
public interface IGridGrain : IGrainWithStringKey
{
    /// <summary>The grid as it is now, or null when it was never created.</summary>
    [Alias("Get"), ReadOnly]
    Task<GridSnapshot?> GetAsync();

    /// <summary>Creates the grid; Conflict when it exists, NotFound when the center does not.</summary>
    [Alias("Create")]
    Task<RegistryResult> CreateAsync(GridProfile profile);

    /// <summary>Replaces the grid's facts; NotFound when the grid or its (new) center does not exist.</summary>
    [Alias("Update")]
    Task<RegistryResult> UpdateAsync(GridProfile profile);

    /// <summary>
    /// Puts a person on the roster with a role, or changes their role. Conflict when the role allows one
    /// person (lead, instructor) and someone else holds it; NotFound when the grid does not exist. The contact card
    /// (how emergencies reach the person) is kept with the seat.
    /// </summary>
    [Alias("SetRosterRole")]
    Task<RegistryResult> SetRosterRoleAsync(string volunteerId, GridRole role, ContactCard? contact);

    /// <summary>Takes a person off the roster (they moved to another grid).</summary>
    [Alias("RemoveFromRoster")]
    Task RemoveFromRosterAsync(string volunteerId);
}
