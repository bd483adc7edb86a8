using Lianxin.Common;

namespace Lianxin.Governance;

/// <summary>
/// Proposes where new service sites would help most: from candidate locations (given, or a regular grid over the
/// district), the <c>k</c> that together cover the most households beyond walking distance of every existing site.
/// Greedy maximum coverage: each pick is the candidate adding the most still-uncovered households (ties: more points,
/// then the earlier candidate), which is within 1 − 1/e of the best possible set and in practice close to it. Pure.
/// </summary>
public static class SitePlanner
{
    /// <summary>The most candidates one plan weighs; a finer grid than this over a district adds nothing a planner can use.</summary>
    public const int MaxCandidates = 20_000;

    public static SitePlan Plan(
        IReadOnlyList<PlacedPoint> points, IReadOnlyList<ServiceSite> sites, IReadOnlyList<GeoPoint> candidates, int count, double walkingDistanceMeters)
    {
        var existing = new SiteIndex(sites);
        var uncovered = points.Where(p => !existing.AnyWithin(p.Point.Location, walkingDistanceMeters)).ToList();
        var before = Totals(points, points.Count - uncovered.Count, points.Sum(p => p.Point.Households) - uncovered.Sum(p => p.Point.Households));

        // Which uncovered points each candidate reaches, measured once.
        var uncoveredIndex = new SiteIndex(uncovered.Select((p, i) => new ServiceSite(i.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Point.Id, ServiceSiteKind.Proposed, p.Point.Location)));
        var reach = candidates.Select(c => uncoveredIndex.Within(c, walkingDistanceMeters).Select(s => int.Parse(s.Id, System.Globalization.CultureInfo.InvariantCulture)).ToList()).ToList();

        var taken = new bool[uncovered.Count];
        var picks = new List<SitePick>();
        var (coveredPoints, coveredHouseholds) = (before.CoveredPoints, before.CoveredHouseholds);
        for (var round = 0; round < count; round++)
        {
            var (best, bestHouseholds, bestPoints) = (-1, 0, 0);
            for (var c = 0; c < reach.Count; c++)
            {
                var (households, pointsAdded) = (0, 0);
                foreach (var i in reach[c])
                {
                    if (!taken[i])
                    {
                        households += uncovered[i].Point.Households;
                        pointsAdded++;
                    }
                }

                if (households > bestHouseholds || (households == bestHouseholds && pointsAdded > bestPoints))
                {
                    (best, bestHouseholds, bestPoints) = (c, households, pointsAdded);
                }
            }

            if (best < 0 || bestPoints == 0)
            {
                break;
            }

            var newly = reach[best].Where(i => !taken[i]).ToList();
            newly.ForEach(i => taken[i] = true);
            coveredPoints += bestPoints;
            coveredHouseholds += bestHouseholds;
            picks.Add(new SitePick(
                picks.Count + 1, candidates[best], bestHouseholds, bestPoints, Totals(points, coveredPoints, coveredHouseholds),
                [.. newly.Select(i => uncovered[i].Point.Id).Order(StringComparer.Ordinal)]));
        }

        return new SitePlan(walkingDistanceMeters, candidates.Count, before, picks.Count == 0 ? before : picks[^1].After, picks);
    }

    /// <summary>Candidates on a regular grid over the district's box, <paramref name="spacingMeters"/> apart, kept where they lie in the district.</summary>
    public static IReadOnlyList<GeoPoint> GridOver(DistrictExtent district, double spacingMeters)
    {
        if (district.Bounds is not { } box)
        {
            return [];
        }

        var dLat = spacingMeters / GeoDistance.MetersPerDegreeLatitude;
        var midLat = (box.SouthWest.Latitude + box.NorthEast.Latitude) / 2;
        var dLon = dLat / Math.Max(0.01, Math.Cos(midLat * Math.PI / 180));
        var candidates = new List<GeoPoint>();
        for (var lat = box.SouthWest.Latitude; lat <= box.NorthEast.Latitude + (dLat / 2); lat += dLat)
        {
            for (var lon = box.SouthWest.Longitude; lon <= box.NorthEast.Longitude + (dLon / 2); lon += dLon)
            {
                var candidate = new GeoPoint(Math.Round(lat, 6), Math.Round(lon, 6));
                if (district.InsideHull(candidate))
                {
                    candidates.Add(candidate);
                }
            }
        }

        return candidates;
    }

    private static CoverageTotals Totals(IReadOnlyList<PlacedPoint> points, int coveredPoints, int coveredHouseholds) =>
        new(points.Count, coveredPoints, points.Sum(p => p.Point.Households), coveredHouseholds);
}

/// <summary>The best new sites in the order they were picked, with the coverage before and after all of them.</summary>
public sealed record SitePlan(double WalkingDistanceMeters, int CandidatesWeighed, CoverageTotals Before, CoverageTotals After, IReadOnlyList<SitePick> Sites);

/// <summary>One proposed site: what it adds on top of the existing sites and the sites picked before it.</summary>
public sealed record SitePick(int Rank, GeoPoint Location, int AddedHouseholds, int AddedPoints, CoverageTotals After, IReadOnlyList<string> NewlyCoveredPointIds);
