using Lianxin.Volunteers;

namespace Lianxin.Grids;

/// <summary>The persisted state of a grid. A schema: members are only ever added, ids never reused.</summary>
[GenerateSerializer, Alias("Lianxin.GridState")]
public sealed class GridState
{
    /// <summary>Null until the grid is created.</summary>
    [Id(0)] public GridProfile? Profile { get; set; }
    [Id(1)] public Dictionary<string, GridRole> Roster { get; set; } = [];

    /// <summary>How emergencies reach each person on the roster, by person id.</summary>
    [Id(2)] public Dictionary<string, ContactCard> Contacts { get; set; } = [];
}
