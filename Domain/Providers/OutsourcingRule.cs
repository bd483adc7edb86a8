using Lianxin.Common;

namespace Lianxin.Providers;

/// <summary>
/// Who may run an outsourced activity (外包): party affairs are never outsourced (党务工作不外包); anything else only by a
/// provider on the list of a region above the center, not suspended, licensed for the activity's function and valid
/// on every day of it. Pure.
/// </summary>
public static class OutsourcingRule
{
    public const string PartyAffairs =
        "Party-building activities are party affairs, which are never outsourced (党务工作不外包): publish it without a provider.";

    /// <summary>Null when <paramref name="provider"/> may run it; otherwise the reason.</summary>
    public static string? Refusal(
        BasicFunction function, string providerId, ProviderView? provider, IReadOnlyList<string> centerPath, DateOnly firstDay, DateOnly lastDay)
    {
        if (function == BasicFunction.PartyBuilding)
        {
            return PartyAffairs;
        }

        if (provider is null)
        {
            return $"Provider '{providerId}' is not on the list of qualified providers.";
        }

        var p = provider.Profile;
        if (!centerPath.Contains(p.RegionId))
        {
            return $"Provider '{providerId}' is on the list of region '{p.RegionId}', which does not cover this center.";
        }

        if (p.Suspended)
        {
            return $"Provider '{providerId}' is suspended from the list.";
        }

        if (!p.Services.Contains(function))
        {
            return $"Provider '{providerId}' is not qualified for this function.";
        }

        return firstDay < p.ValidFrom || lastDay > p.ValidUntil
            ? $"The licence of provider '{providerId}' ({p.LicenceNumber}) is valid {p.ValidFrom:yyyy-MM-dd} to {p.ValidUntil:yyyy-MM-dd}, not on every day of the activity."
            : null;
    }
}
