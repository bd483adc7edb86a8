using Lianxin.Grids;
using Lianxin.Volunteers;

namespace Lianxin.Emergencies;

/// <summary>
/// The people a scope reaches, grid by grid, and the ids of the scope that name nothing. For a shape: the rule used,
/// and how many whole grids and the people inside would reach (the latter when counted).
/// </summary>
public sealed record ResolvedAudience(
    IReadOnlyList<GridSnapshot> Grids,
    IReadOnlyList<AudienceMember> People,
    IReadOnlyList<string> Missing,
    ShapeMatch? Match = null,
    int? WholeGrids = null,
    int? Inside = null)
{
    /// <summary>Why a scope reaches nobody, in the words of what the launcher drew or named.</summary>
    public string EmptyReason(EmergencyScope scope) => scope.Kind switch
    {
        ScopeKind.Polygon or ScopeKind.Circle when Grids.Count == 0 =>
            $"The {(scope.Kind == ScopeKind.Polygon ? "polygon" : "circle")} meets none of the grids of your {(scope.WithinGridId is null ? "region" : "grid")}: draw it over them.",
        ScopeKind.Polygon or ScopeKind.Circle when Match == ShapeMatch.Inside && WholeGrids > 0 =>
            $"Nobody's registered location lies inside the shape; the {Grids.Count} grids it touches have {WholeGrids} people (target whole grids to reach them).",
        _ => "The scope reaches nobody: none of its grids has anyone on its roster.",
    };

    public AudiencePreview ToPreview(IReadOnlyList<PostWarning>? warnings = null)
    {
        var perGrid = People.CountBy(p => p.GridId).ToDictionary(StringComparer.Ordinal);
        return new AudiencePreview(
            People.Count,
            [.. Grids.Where(g => perGrid.ContainsKey(g.Id)).Select(g => new GridAudience(g.Id, g.Profile.Name, g.Profile.CenterId, perGrid[g.Id]))],
            Missing,
            warnings ?? [],
            Match,
            WholeGrids,
            Inside);
    }
}

/// <summary>One targeted person, the grid they are targeted through, and their contact card from its roster.</summary>
public sealed record AudienceMember(string VolunteerId, string GridId, ContactCard? Contact = null);
