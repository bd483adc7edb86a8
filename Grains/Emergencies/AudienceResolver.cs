using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.Grids;
using Lianxin.Hosting;
using Lianxin.Volunteers;

namespace Lianxin.Emergencies;

/// <summary>
/// Turns a scope into people by reading the actors: grids' rosters, centers' grids and children, teams' people. A drawn shape
/// selects the grids whose boundary it meets, inside the launcher's region or grid, and then either everyone on their
/// rosters or only those whose registered location lies inside it. Everyone on a selected roster is targeted (the
/// lead, the workers and the members), except for teams, which reach only their leaders and members (on their home grids'
/// rosters, and, like a shape, only inside the launcher's region); a person appears once.
/// </summary>
public sealed class AudienceResolver(IGrainFactory grains)
{
    /// <summary>Deeper than any real center tree; guards against corrupt data.</summary>
    private const int MaxCenters = 100_000;

    /// <summary>
    /// The people a scope reaches. <paramref name="countBoth"/> (previews) counts a shape's two rules even when only
    /// one is used, which reads every touched person's location.
    /// </summary>
    public async Task<ResolvedAudience> ResolveAsync(EmergencyScope scope, bool countBoth = false)
    {
        var missing = new List<string>();
        var teamHomes = scope.Kind == ScopeKind.Teams ? await TeamHomesAsync(scope.Ids, missing) : null;
        IReadOnlyList<GridSnapshot> grids = scope.Kind switch
        {
            ScopeKind.Grids => await ReadGridsAsync(scope.Ids, missing),
            ScopeKind.Centers or ScopeKind.Region => await ReadGridsAsync(await GridsUnderAsync(scope.Ids, missing), missing),
            ScopeKind.Teams => await UnderAsync(await ReadGridsAsync(teamHomes!.Values, missing), scope.WithinCenterId),
            _ => (await ReadShapeUniverseAsync(scope, missing)).Where(g => Meets(g, scope)).ToList(),
        };

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var people = new List<AudienceMember>();
        foreach (var grid in grids.OrderBy(g => g.Id, StringComparer.Ordinal))
        {
            foreach (var entry in grid.Roster)
            {
                // A team reaches its own people on their home grids' rosters, never their neighbours.
                if ((teamHomes is null || teamHomes.GetValueOrDefault(entry.VolunteerId) == grid.Id) && seen.Add(entry.VolunteerId))
                {
                    people.Add(new AudienceMember(entry.VolunteerId, grid.Id, entry.Contact));
                }
            }
        }

        if (teamHomes is not null)
        {
            // Someone on a grid that was read but not on its roster; a missing grid is reported once, by its own id.
            var read = grids.Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
            missing.AddRange(teamHomes.Where(p => read.Contains(p.Value) && !seen.Contains(p.Key)).Select(p => p.Key));
        }

        var ordered = grids.OrderBy(g => g.Id, StringComparer.Ordinal).ToList();
        if (scope.Kind is not (ScopeKind.Polygon or ScopeKind.Circle))
        {
            return new ResolvedAudience(ordered, people, missing);
        }

        var wholeGrids = people.Count;
        if (scope.Match != ShapeMatch.Inside && !countBoth)
        {
            return new ResolvedAudience(ordered, people, missing, scope.Match, wholeGrids, null);
        }

        var homes = await Task.WhenAll(people.Select(p => grains.GetGrain<IVolunteerGrain>(p.VolunteerId).GetProfileAsync()));
        var inside = people.Where((_, i) => homes[i]?.Home is { } home && Holds(scope, home)).ToList();
        return new ResolvedAudience(ordered, scope.Match == ShapeMatch.Inside ? inside : people, missing, scope.Match, wholeGrids, inside.Count);
    }

    private static bool Holds(EmergencyScope scope, GeoPoint point) => scope switch
    {
        { Kind: ScopeKind.Polygon, Polygon: { } polygon } => GeoRules.Contains(polygon, point),
        { Kind: ScopeKind.Circle, Circle: { } circle } => GeoShapes.Contains(circle, point),
        _ => false,
    };

    private static bool Meets(GridSnapshot grid, EmergencyScope scope) => scope switch
    {
        { Kind: ScopeKind.Polygon, Polygon: { } polygon } => GeoShapes.Intersects(grid.Profile.Boundary, polygon),
        { Kind: ScopeKind.Circle, Circle: { } circle } => GeoShapes.Intersects(grid.Profile.Boundary, circle),
        _ => false,
    };

    private async Task<IReadOnlyList<GridSnapshot>> ReadShapeUniverseAsync(EmergencyScope scope, List<string> missing)
    {
        if (scope.WithinGridId is { } gridId)
        {
            return await ReadGridsAsync([gridId], missing);
        }

        return scope.WithinCenterId is { } centerId
            ? await ReadGridsAsync(await GridsUnderAsync([centerId], missing), missing)
            : [];
    }

    private async Task<IReadOnlyList<GridSnapshot>> ReadGridsAsync(IEnumerable<string> gridIds, List<string> missing)
    {
        var ids = gridIds.Distinct(StringComparer.Ordinal).ToList();
        var grids = await Task.WhenAll(ids.Select(id => grains.GetGrain<IGridGrain>(id).GetAsync()));
        missing.AddRange(ids.Where((_, i) => grids[i] is null));
        return [.. grids.OfType<GridSnapshot>()];
    }

    /// <summary>
    /// The home grid of every leader and member of the teams, each person once. A team names people, and only a
    /// person's own profile says where they live, so each profile is read; teams are small (tens of people), so all
    /// are read at once. Their contact cards still come from their grids' rosters, as for every other scope.
    /// </summary>
    private async Task<Dictionary<string, string>> TeamHomesAsync(IReadOnlyList<string> teamIds, List<string> missing)
    {
        var ids = teamIds.Distinct(StringComparer.Ordinal).ToList();
        var teams = await Task.WhenAll(ids.Select(id => grains.GetGrain<IVolunteerTeamGrain>(id).GetAsync()));
        missing.AddRange(ids.Where((_, i) => teams[i] is null));
        var people = teams.OfType<VolunteerTeam>().SelectMany(t => t.MemberIds.Prepend(t.LeaderId)).Distinct(StringComparer.Ordinal).ToList();
        var profiles = await Task.WhenAll(people.Select(id => grains.GetGrain<IVolunteerGrain>(id).GetProfileAsync()));
        missing.AddRange(people.Where((_, i) => profiles[i] is null));
        return people.Zip(profiles)
            .Where(p => p.Second is not null)
            .ToDictionary(p => p.First, p => p.Second!.HomeGridId, StringComparer.Ordinal);
    }

    /// <summary>
    /// The grids that hang under a center, or all of them when unbounded: a team's member who lives outside the
    /// launcher's region is not reached, as a shape never reaches beyond it.
    /// </summary>
    private async Task<IReadOnlyList<GridSnapshot>> UnderAsync(IReadOnlyList<GridSnapshot> grids, string? centerId)
    {
        if (centerId is null)
        {
            return grids;
        }

        var paths = await Task.WhenAll(grids.Select(g => CenterAncestry.GetPathToRootAsync(grains, g.Profile.CenterId)));
        return [.. grids.Where((_, i) => paths[i].Contains(centerId))];
    }

    /// <summary>The grids of the centers and of everything below them, level by level.</summary>
    private async Task<IReadOnlyList<string>> GridsUnderAsync(IEnumerable<string> centerIds, List<string> missing)
    {
        var gridIds = new List<string>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var level = centerIds.Where(visited.Add).ToList();
        var top = true;
        while (level.Count > 0 && visited.Count < MaxCenters)
        {
            var centers = await Task.WhenAll(level.Select(id => grains.GetGrain<ICenterGrain>(id).GetAsync()));
            if (top)
            {
                missing.AddRange(level.Where((_, i) => centers[i] is null));
                top = false;
            }

            var next = new List<string>();
            foreach (var center in centers.OfType<CenterSnapshot>())
            {
                gridIds.AddRange(center.GridIds);
                next.AddRange(center.ChildIds.Where(visited.Add));
            }

            level = next;
        }

        return gridIds;
    }
}
