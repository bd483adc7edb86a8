using Lianxin.Grids;
using Lianxin.Volunteers;

namespace Lianxin.Emergencies;

/// <summary>The people a scope reaches, grid by grid, and the ids of the scope that name nothing.</summary>
public sealed record ResolvedAudience(
    IReadOnlyList<GridSnapshot> Grids,
    IReadOnlyList<AudienceMember> People,
    IReadOnlyList<string> Missing)
{
    public AudiencePreview ToPreview()
    {
        var perGrid = People.CountBy(p => p.GridId).ToDictionary(StringComparer.Ordinal);
        return new AudiencePreview(
            People.Count,
            [.. Grids.Where(g => perGrid.ContainsKey(g.Id)).Select(g => new GridAudience(g.Id, g.Profile.Name, g.Profile.CenterId, perGrid[g.Id]))],
            Missing);
    }
}

/// <summary>One targeted person, the grid they are targeted through, and their contact card from its roster.</summary>
public sealed record AudienceMember(string VolunteerId, string GridId, ContactCard? Contact = null);
