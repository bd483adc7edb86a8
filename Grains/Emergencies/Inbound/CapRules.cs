using Lianxin.Common;
using Lianxin.Grids;

namespace Lianxin.Emergencies;

/// <summary>
/// Whether an inbound warning matches a scenario's rule, and what it launches. Only Actual and Exercise warnings
/// start anything (Test, System and Draft never do), and an Exercise only ever starts a drill.
/// </summary>
public static class CapRules
{
    /// <summary>The mode the rule launches in, or null when the warning does not match the rule itself (area aside).</summary>
    public static EmergencyMode? Match(InboundRule rule, InboundAlert alert)
    {
        if (alert.Status is not ("Actual" or "Exercise"))
        {
            return null;
        }

        var eventMatches = rule.Events.Count == 0 || rule.Events.Any(e => alert.Event.Contains(e, StringComparison.OrdinalIgnoreCase));
        var severityMatches = alert.Severity != CapSeverity.Unknown && alert.Severity >= rule.MinSeverity;
        var urgencyMatches = rule.Urgencies.Count == 0 || rule.Urgencies.Contains(alert.Urgency);
        if (!eventMatches || !severityMatches || !urgencyMatches)
        {
            return null;
        }

        return alert.Status == "Exercise" ? EmergencyMode.Exercise : rule.Mode;
    }

    /// <summary>
    /// Whether the warning's area overlaps a scenario's targets: a polygon or circle meets one of its grids, or a
    /// <c>lianxin:grid</c> geocode names one. A warning with neither shape nor grid code is taken as covering its
    /// sender's whole area, which the source's configuration vouches for.
    /// </summary>
    public static bool Overlaps(InboundAlert alert, IReadOnlyList<GridSnapshot> targets)
    {
        if (alert.Polygons.Count == 0 && alert.Circles.Count == 0 && alert.GridCodes.Count == 0)
        {
            return true;
        }

        return targets.Any(grid => alert.GridCodes.Contains(grid.Id, StringComparer.Ordinal)
            || alert.Polygons.Any(p => GeoShapes.Intersects(grid.Profile.Boundary, p))
            || alert.Circles.Any(c => GeoShapes.Intersects(grid.Profile.Boundary, c)));
    }

    /// <summary>The rule's level, or the one the warning's severity stands for on the ladder.</summary>
    public static EmergencyLevel Level(InboundRule rule, InboundAlert alert) => rule.Level ?? LevelOf(alert.Severity);

    public static EmergencyLevel LevelOf(CapSeverity severity) => severity switch
    {
        CapSeverity.Extreme => EmergencyLevel.Red,
        CapSeverity.Severe => EmergencyLevel.Orange,
        CapSeverity.Moderate => EmergencyLevel.Yellow,
        _ => EmergencyLevel.Blue,
    };

    /// <summary>A stable id for what one warning does with one scenario (grain keys and emergency ids are short codes).</summary>
    public static string IdFor(string prefix, string alertKey, string scenarioId)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{alertKey}\n{scenarioId}"));
        return $"{prefix}-{Convert.ToHexStringLower(hash)[..24]}";
    }
}
