using Lianxin.Common;
using Lianxin.Emergencies;
using Lianxin.WebHost.Apis.Registry;

namespace Lianxin.WebHost.Apis.Emergencies;

/// <summary>
/// Who an emergency reaches: <c>grids</c> or <c>centers</c> (with their subtrees) by id, one <c>region</c>, volunteer
/// <c>teams</c> by id (their leaders and members who live in the launcher's region), a GeoJSON
/// <c>polygon</c> or a <c>circle</c>. A shape is searched inside the launcher's own region or grid and reaches whole
/// grids (<c>match: "grids"</c>, the default) or the people whose location is inside (<c>match: "inside"</c>).
/// </summary>
public sealed record ScopeRequest(string? Kind, string[]? Ids, GeoJsonPolygon? Polygon, CircleRequest? Circle, string? Match = null)
{
    public const int MaxIds = 1000;

    internal EmergencyScope ToDomain(Validation v, string field)
    {
        var kind = v.Enum<ScopeKind>($"{field}.kind", Kind);
        switch (kind)
        {
            case ScopeKind.Grids or ScopeKind.Centers or ScopeKind.Region or ScopeKind.Teams:
                if (Match is not null)
                {
                    v.Add($"{field}.match", "Only a drawn polygon or circle chooses between whole grids and the people inside.");
                }

                return new EmergencyScope(kind, CheckIds(v, field, kind));
            case ScopeKind.Polygon:
                var polygon = GeoJsonPolygon.ToDomain(Polygon, v, $"{field}.polygon");
                if (v.IsValid && ShapeCheck.Check(polygon) is { } problem)
                {
                    v.Add($"{field}.polygon", problem);
                }

                return new EmergencyScope(kind, [], polygon, Match: ParseMatch(v, field));
            default:
                return new EmergencyScope(kind, [], null, Circle?.ToDomain(v, $"{field}.circle") ?? Missing(v, $"{field}.circle"), Match: ParseMatch(v, field));
        }
    }

    private IReadOnlyList<string> CheckIds(Validation v, string field, ScopeKind kind)
    {
        if (Ids is not { Length: > 0 } ids)
        {
            v.Add($"{field}.ids", "Name at least one id.");
            return [];
        }

        if (kind == ScopeKind.Region && ids.Length != 1)
        {
            v.Add($"{field}.ids", "A region is one center.");
        }

        if (ids.Length > MaxIds)
        {
            v.Add($"{field}.ids", $"At most {MaxIds} ids.");
            return [];
        }

        // An array, not a collection expression: the emergency's stored state names the list's type, and the
        // compiler's own read-only list type is not one storage may read back (the emergency could never reactivate).
        return ids.Select((id, i) => v.Id($"{field}.ids[{i}]", id)).Distinct(StringComparer.Ordinal).ToArray();
    }

    private ShapeMatch ParseMatch(Validation v, string field) => Match is null ? ShapeMatch.Grids : v.Enum<ShapeMatch>($"{field}.match", Match);

    private static GeoCircle? Missing(Validation v, string field)
    {
        v.Add(field, "A circle scope needs a circle: latitude, longitude and radiusMeters.");
        return null;
    }
}

/// <summary>A circle: its center and radius in meters.</summary>
public sealed record CircleRequest(double? Latitude, double? Longitude, double? RadiusMeters)
{
    internal GeoCircle ToDomain(Validation v, string field)
    {
        var circle = new GeoCircle(new GeoPoint(v.Required($"{field}.latitude", Latitude), v.Required($"{field}.longitude", Longitude)), v.Required($"{field}.radiusMeters", RadiusMeters));
        if (v.IsValid && GeoShapes.CheckCircle(circle) is { } problem)
        {
            v.Add(field, problem);
        }

        return circle;
    }
}
