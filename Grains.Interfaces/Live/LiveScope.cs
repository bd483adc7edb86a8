using Lianxin.Centers;

namespace Lianxin.Live;

/// <summary>
/// Names of live scopes: what a dashboard subscribes to and what a feed grain is keyed by. A region is a
/// command center's area: a district, town or street center with everything below it.
/// </summary>
public static class LiveScope
{
    /// <summary>The kind of a region scope (a center's whole subtree).</summary>
    public const string RegionKind = "region";

    /// <summary>The kind of a center scope.</summary>
    public const string CenterKind = "center";

    /// <summary>The kind of a grid scope.</summary>
    public const string GridKind = "grid";

    /// <summary>The kind of an emergency scope.</summary>
    public const string EmergencyKind = "emergency";

    /// <summary>The kind of a person's own scope.</summary>
    public const string VolunteerKind = "volunteer";

    /// <summary>The key of the region under a center.</summary>
    public static string Region(string centerId) => $"region:{centerId}";

    /// <summary>The key of one center.</summary>
    public static string Center(string centerId) => $"center:{centerId}";

    /// <summary>The key of one grid.</summary>
    public static string Grid(string gridId) => $"grid:{gridId}";

    /// <summary>The key of one emergency.</summary>
    public static string Emergency(string emergencyId) => $"emergency:{emergencyId}";

    /// <summary>The key of one person.</summary>
    public static string Volunteer(string volunteerId) => $"volunteer:{volunteerId}";

    /// <summary>Splits "kind:id"; false when the text is not a scope name.</summary>
    public static bool TryParse(string? scope, out string kind, out string id)
    {
        var colon = scope?.IndexOf(':') ?? -1;
        if (scope is null || colon <= 0 || colon == scope.Length - 1)
        {
            (kind, id) = ("", "");
            return false;
        }

        (kind, id) = (scope[..colon], scope[(colon + 1)..]);
        return kind is RegionKind or CenterKind or GridKind or EmergencyKind or VolunteerKind;
    }

    /// <summary>True for the levels a command center watches: district, town (镇) and street (街道).</summary>
    public static bool IsRegionLevel(CenterLevel level) => level is CenterLevel.District or CenterLevel.Town or CenterLevel.Street;
}
