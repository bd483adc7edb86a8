using Lianxin.Common;

namespace Lianxin.Governance;

/// <summary>
/// Party affairs are never outsourced (党务工作不外包): work tagged party-building (党建服务) may only be given to or
/// done by a party member, and never by a third-party operator's account even when that person is a member.
/// Work of any other function may go to anyone. Pure.
/// </summary>
public static class PartyAffairsRule
{
    /// <summary>Null when <paramref name="who"/> may take or do work of <paramref name="function"/>; otherwise the reason.</summary>
    public static string? Refusal(BasicFunction function, LoopAssignee who)
    {
        if (function != BasicFunction.PartyBuilding)
        {
            return null;
        }

        if (who.IsThirdParty)
        {
            return $"Party-building work is done only by party members, never by third-party accounts (党务工作不外包): {who.Name} is a third-party account.";
        }

        return who.IsPartyMember
            ? null
            : $"Party-building work is done only by party members (党务工作不外包): {who.Name} is not a party member.";
    }
}
