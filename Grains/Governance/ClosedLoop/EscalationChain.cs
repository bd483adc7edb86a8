using Lianxin.Centers;

namespace Lianxin.Governance;

/// <summary>
/// Who an overdue help request goes to: each level above its center in turn (the street or town, then the district),
/// so every escalation tells someone new. The center itself is where the request already is: going "to the center"
/// would tell nobody new, so it is not a step of the chain.
/// </summary>
public static class EscalationChain
{
    /// <summary>
    /// The chain for a center, from its path to the root (the center first, as <see cref="CenterAncestry"/> gives it,
    /// with each level): every center above it, nearest first, up to the root. A root center (the district) has no
    /// level above: its own command center is the only place an overdue request can go.
    /// </summary>
    public static IReadOnlyList<string> For(IReadOnlyList<(string Id, CenterLevel Level)> pathToRoot) =>
        pathToRoot.Count switch
        {
            0 => [],
            1 => [pathToRoot[0].Id],
            _ => [.. pathToRoot.Skip(1).Select(p => p.Id)],
        };
}
