using Lianxin.Volunteers;

namespace Lianxin.Emergencies;

/// <summary>Filling the posts: asking the next people on the reserve lists, never someone at a post elsewhere.</summary>
internal sealed partial class EmergencyGrain
{
    /// <summary>
    /// Asks the next people on each post's reserve list while the post wants more. People standing at a post of
    /// another live emergency are skipped.
    /// </summary>
    private async Task FillPostsAsync()
    {
        if (Launched is not { IsRunning: true } ledger)
        {
            return;
        }

        IReadOnlySet<string>? liveElsewhere = null;
        foreach (var slot in ledger.Posts.Slots.Where(s => s.Reserve is not null))
        {
            var wanted = PostBoard.Wanted(slot, ledger.RollCall);
            var excluded = new HashSet<string>(StringComparer.Ordinal);
            while (wanted > 0)
            {
                var candidates = ledger.Posts.NextCandidates(slot, ledger.RollCall, excluded, wanted);
                if (candidates.Count == 0)
                {
                    break;
                }

                liveElsewhere ??= await LiveEmergenciesElsewhereAsync();
                excluded.UnionWith(await AtPostElsewhereAsync(candidates, liveElsewhere));
                foreach (var volunteerId in candidates.Where(c => !excluded.Contains(c)))
                {
                    await AskAsync(ledger, slot, volunteerId);
                    wanted--;
                }
            }
        }

        if (liveElsewhere is not null)
        {
            ScheduleTick();
        }
    }

    private async Task AskAsync(EmergencyLedger ledger, PostSlot slot, string volunteerId)
    {
        var asked = new AskedEvent(ledger.NextSequence(), slot.Id, volunteerId, Now, Now + ledger.Definition.Launch.Timers.AskTimeout);
        var message = NewMessage(ledger, AlertKind.PostAsk, 1, post: slot.Definition, to: volunteerId);
        await AppendAsync([Event(EmergencyEvents.Asked, asked), Event(EmergencyEvents.Message, message)]);
        await DeliverAsync(message, [volunteerId]);
    }

    private async Task<IReadOnlySet<string>> LiveEmergenciesElsewhereAsync()
    {
        var all = await GrainFactory.GetGrain<IEmergencyDirectoryGrain>(0).ListAsync();
        return all.Where(e => e.Phase == EmergencyPhase.Running && e.Id != Id).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
    }

    private async Task<IEnumerable<string>> AtPostElsewhereAsync(IReadOnlyList<string> candidates, IReadOnlySet<string> liveElsewhere)
    {
        if (liveElsewhere.Count == 0)
        {
            return [];
        }

        var people = await Task.WhenAll(candidates.Select(v => GrainFactory.GetGrain<IVolunteerGrain>(v).GetAsync()));
        return people.OfType<VolunteerSnapshot>()
            .Where(p => p.Live is { Status: VolunteerStatus.AtPost, EmergencyId: { } elsewhere } && liveElsewhere.Contains(elsewhere))
            .Select(p => p.Id);
    }
}
