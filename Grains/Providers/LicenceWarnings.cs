namespace Lianxin.Providers;

/// <summary>Which providers a center engaged have a licence running out within the window (30 days ahead). Pure.</summary>
public static class LicenceWarnings
{
    public const int WindowDays = 30;

    public static IReadOnlyList<LicenceWarning> For(string centerId, IEnumerable<ProviderView> providers, DateOnly today) =>
    [
        .. providers
            .Where(p => p.CenterIds.Contains(centerId) && p.Profile.ValidUntil.DayNumber - today.DayNumber <= WindowDays)
            .OrderBy(p => p.Profile.ValidUntil)
            .ThenBy(p => p.Profile.Id, StringComparer.Ordinal)
            .Select(p => new LicenceWarning(
                p.Profile.Id, p.Profile.Name, p.Profile.LicenceNumber, p.Profile.ValidUntil,
                Math.Max(0, p.Profile.ValidUntil.DayNumber - today.DayNumber), p.Profile.ValidUntil < today)),
    ];
}
