namespace Lianxin.Live;

/// <summary>
/// Names of live scopes: what a dashboard subscribes to and what a feed grain is keyed by. A region is a
/// district or street center with everything below it.
/// </summary>
public static class LiveScope
{
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
        return kind is "region" or "center" or "grid" or "emergency" or "volunteer";
    }
}
