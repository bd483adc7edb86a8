using Lianxin.Activity;
using Lianxin.Volunteers;

namespace Lianxin.Centers;

/// <summary>After a restart: the live figures are not stored per change, so a fresh activation asks where they come from.</summary>
internal sealed partial class CenterGrain
{
    /// <summary>While a fresh activation asks its volunteers where they are on duty: who told it meanwhile.</summary>
    private HashSet<string>? _toldWhileAsking;

    /// <summary>True when the activity reported its figures while a fresh activation was asking for them.</summary>
    private bool _reportedWhileAsking;

    /// <summary>
    /// A fresh activation asks for the figures its stored state may hold stale (only registry changes are written):
    /// its activity's figures, its children's totals, and where the volunteers it or its activity knows are on duty.
    /// </summary>
    private async Task AskSourcesAsync()
    {
        _toldWhileAsking = [];
        var activity = GrainFactory.GetGrain<ICenterActivityGrain>(Id);
        var figures = await activity.GetFiguresAsync();
        var candidates = State.VolunteersOnDuty.Union(await activity.GetVolunteersInsideAsync()).ToList();
        var dutyCenters = await Task.WhenAll(candidates.Select(p => GrainFactory.GetGrain<IVolunteerGrain>(p).GetDutyCenterAsync()));
        var children = await Task.WhenAll(State.ChildIds.Select(async c => (Id: c, Snapshot: await GrainFactory.GetGrain<ICenterGrain>(c).GetAsync())));
        for (var i = 0; i < candidates.Count; i++)
        {
            // The volunteer's word as it was asked; a duty change told since (during the awaits above) is newer.
            if (!_toldWhileAsking.Contains(candidates[i]))
            {
                _ = dutyCenters[i] == Id ? State.VolunteersOnDuty.Add(candidates[i]) : State.VolunteersOnDuty.Remove(candidates[i]);
            }
        }

        _toldWhileAsking = null;
        State.Live = State.Live with { VolunteersOnDuty = State.VolunteersOnDuty.Count };
        foreach (var (childId, snapshot) in children.Where(c => c.Snapshot is not null))
        {
            State.ChildSubtrees[childId] = new ChildReport(State.ChildSubtrees.GetValueOrDefault(childId)?.Sequence ?? 0, snapshot!.Subtree);
        }

        // A report that arrived during the awaits above is newer than the figures asked for before them: applying these
        // would put the people inside back to an older count until the activity's next report.
        if (_reportedWhileAsking)
        {
            _reportedWhileAsking = false;
            ScheduleReport();
            return;
        }

        await ReportActivityAsync(figures);
    }
}
