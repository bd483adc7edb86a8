using Lianxin.Centers;

namespace Lianxin.Governance;

/// <summary>Who an overdue help request goes to: first its center, then the street or town above it.</summary>
public static class EscalationChain
{
    /// <summary>
    /// The chain for a center, from its path to the root (the center first, as <see cref="CenterAncestry"/> gives
    /// it, with each level). A center that is itself a street or town escalates to its parent instead; a root
    /// center escalates to itself only.
    /// </summary>
    public static IReadOnlyList<string> For(IReadOnlyList<(string Id, CenterLevel Level)> pathToRoot)
    {
        if (pathToRoot.Count == 0)
        {
            return [];
        }

        var center = pathToRoot[0].Id;
        if (pathToRoot.Count == 1)
        {
            return [center];
        }

        for (var i = 1; i < pathToRoot.Count; i++)
        {
            if (pathToRoot[i].Level is CenterLevel.Street or CenterLevel.Town)
            {
                return [center, pathToRoot[i].Id];
            }
        }

        return [center, pathToRoot[1].Id];
    }
}
