using Lianxin.Common;

namespace Lianxin.Centers;

/// <summary>Sums a center's own live state with its children's subtree totals.</summary>
public static class SubtreeTotals
{
    public static SubtreeSummary Compute(CenterLevel level, CenterLive own, IEnumerable<SubtreeSummary> children)
    {
        var levels = new Dictionary<CenterLevel, int> { [level] = 1 };
        var checkIns = new Dictionary<BasicFunction, int>(own.CheckInsTodayByFunction);
        int people = own.PeopleInside, onDuty = own.VolunteersOnDuty, help = own.OpenHelpRequests, kiosks = own.KiosksOnline;
        foreach (var child in children)
        {
            foreach (var (childLevel, count) in child.CentersByLevel)
            {
                levels[childLevel] = levels.GetValueOrDefault(childLevel) + count;
            }

            foreach (var (function, count) in child.CheckInsTodayByFunction)
            {
                checkIns[function] = checkIns.GetValueOrDefault(function) + count;
            }

            people += child.PeopleInside;
            onDuty += child.VolunteersOnDuty;
            help += child.OpenHelpRequests;
            kiosks += child.KiosksOnline;
        }

        return new SubtreeSummary(levels, people, onDuty, help, kiosks, checkIns);
    }
}
