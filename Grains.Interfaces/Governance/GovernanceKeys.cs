namespace Lianxin.Governance;

/// <summary>Keys of the governance actors that belong to a center or region and a year.</summary>
public static class GovernanceKeys
{
    /// <summary>The key of <see cref="IStarRatingGrain"/>: one center, one rating year.</summary>
    public static string Rating(string centerId, int year) => $"{centerId}@{year}";

    /// <summary>The key of <see cref="IDemonstrationGrain"/>: one region, one selection year.</summary>
    public static string Demonstration(string regionId, int year) => $"{regionId}@{year}";

    /// <summary>Splits a "{id}@{year}" key; false when it is not one.</summary>
    public static bool TryParse(string key, out string id, out int year)
    {
        var at = key.LastIndexOf('@');
        if (at > 0 && int.TryParse(key.AsSpan(at + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out year))
        {
            id = key[..at];
            return true;
        }

        (id, year) = ("", 0);
        return false;
    }
}
