using Lianxin.Common;
using Lianxin.Governance;

namespace Lianxin.WebHost.Apis.Governance;

/// <summary>One residential point as written through the API.</summary>
public sealed record ResidentialPointRequest(string? Id, string? GridId, GeoPoint? Location, int? Households);

/// <summary>Checks residential points before anything changes.</summary>
internal static class ResidentialPointInput
{
    /// <summary>Largest registry one center may hold; a district has a few thousand points.</summary>
    public const int MaxPointsPerCenter = 10_000;

    /// <summary>Largest plausible household count of one point; anything above is a typo.</summary>
    public const int MaxHouseholds = 100_000;

    public static ResidentialPoint ToPoint(Validation v, string field, string? id, string? gridId, GeoPoint? location, int? households)
    {
        var key = v.Id($"{field}.id", id);
        var grid = gridId is null ? null : v.Id($"{field}.gridId", gridId);
        var where = location ?? new GeoPoint(double.NaN, double.NaN);
        if (!where.IsValid)
        {
            v.Add($"{field}.location", "Must be a WGS84 position {latitude, longitude}.");
        }

        var count = v.Required($"{field}.households", households);
        if (count is < 0 or > MaxHouseholds)
        {
            v.Add($"{field}.households", $"Must be between 0 and {MaxHouseholds}.");
        }

        return new ResidentialPoint(key, grid, where, count);
    }

    public static IReadOnlyList<ResidentialPoint> ToPoints(Validation v, IReadOnlyList<ResidentialPointRequest>? requests)
    {
        if (requests is null)
        {
            v.Add("points", "Is required (an empty list clears the registry).");
            return [];
        }

        if (requests.Count > MaxPointsPerCenter)
        {
            v.Add("points", $"At most {MaxPointsPerCenter} points per center.");
            return [];
        }

        var points = requests.Select((r, i) => ToPoint(v, $"points[{i}]", r?.Id, r?.GridId, r?.Location, r?.Households)).ToList();
        foreach (var duplicate in points.GroupBy(p => p.Id).Where(g => g.Key.Length > 0 && g.Count() > 1))
        {
            v.Add("points", $"Point id '{duplicate.Key}' appears more than once.");
        }

        return points;
    }
}

/// <summary>The residential points of one center.</summary>
public sealed record ResidentialPointsRequest(IReadOnlyList<ResidentialPointRequest>? Points);
