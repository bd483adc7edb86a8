using Lianxin.Centers;

namespace Lianxin.Live;

/// <summary>
/// Names of live scopes: what a dashboard subscribes to and what a feed grain is keyed by. A region is a
/// command center's area: a district, town or street center with everything below it.
/// </summary>
public static class LiveScope
{
    public const string RegionKind = "region";
    public const string CenterKind = "center";
    public const string GridKind = "grid";
    public const string EmergencyKind = "emergency";
    public const string VolunteerKind = "volunteer";

    public static string Region(string centerId) => $"region:{centerId}";

    public static string Center(string centerId) => $"center:{centerId}";

    public static string Grid(string gridId) => $"grid:{gridId}";

    public static string Emergency(string emergencyId) => $"emergency:{emergencyId}";

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
