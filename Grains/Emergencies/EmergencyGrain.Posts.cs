using Lianxin.Volunteers;

namespace Lianxin.Emergencies;

/// <summary>Filling the posts: asking the next people on the reserve lists, never someone at a post elsewhere.</summary>
internal sealed partial class EmergencyGrain
{
    /// <summary>
    /// Asks the next people on each post's reserve list while the post wants more; a post filled in waves first stands
    /// down its surplus, then sends the wave its open places need. People standing at a post of another live
    /// emergency are skipped.
    /// </summary>
    private async Task FillPostsAsync()
    {
        if (Launched is not { IsRunning: true } ledger)
        {
            return;
        }

        var asker = new PostAsker(this, ledger);
        foreach (var slot in ledger.Posts.Slots.Where(s => s.Reserve is not null))
        {
            if (!slot.InWaves)
            {
                await asker.AskAsync(slot, PostBoard.Wanted(slot, ledger.RollCall), fits: null, wave: 0, deadline: null);
                continue;
            }

            await StandDownSurplusAsync(ledger, slot);
            var need = WaveRules.Shortfall(slot, ledger.RollCall);
            if (need.Total == 0)
            {
                continue;
            }

            var (wave, deadline) = WaveRules.NextWave(slot, ledger.RollCall, Now, ledger.Definition.Launch.Timers.AskTimeout);
            foreach (var (skill, count) in need.BySkill.Where(n => n.Count > 0))
            {
                await asker.AskAsync(slot, count, v => WaveRules.Has(slot, v, skill), wave, deadline);
            }

            await asker.AskAsync(slot, need.General, fits: null, wave, deadline);
        }

        if (asker.LookedElsewhere)
        {
            ScheduleTick();
        }
    }

    /// <summary>Confirmations beyond the post's places: each is thanked and released, once.</summary>
    private async Task StandDownSurplusAsync(EmergencyLedger ledger, PostSlot slot)
    {
        foreach (var volunteerId in WaveRules.Assign(slot, ledger.RollCall).Surplus)
        {
            var stoodDown = new StoodDownEvent(ledger.NextSequence(), slot.Id, volunteerId, Now);
            var message = NewMessage(ledger, AlertKind.PostStandDown, 1, post: slot.Definition, to: volunteerId);
            var stored = await AppendAsync([
                Event(EmergencyEvents.StoodDown, stoodDown, EmergencyEvents.OnceId($"{Id}/standDown/{slot.Id}/{volunteerId}")),
                Event(EmergencyEvents.Message, message)]);
            if (stored[0])
            {
                await DeliverAsync(message, [volunteerId]);
            }
        }
    }

    private async Task AskAsync(EmergencyLedger ledger, PostSlot slot, string volunteerId, int wave, DateTimeOffset? deadline)
    {
        var asked = new AskedEvent(ledger.NextSequence(), slot.Id, volunteerId, Now, deadline ?? Now + ledger.Definition.Launch.Timers.AskTimeout, wave);
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

    /// <summary>One round of asking: walks reserve lists, skipping people at a post of another live emergency.</summary>
    private sealed class PostAsker(EmergencyGrain grain, EmergencyLedger ledger)
    {
        private IReadOnlySet<string>? _liveElsewhere;

        public bool LookedElsewhere => _liveElsewhere is not null;

        public async Task AskAsync(PostSlot slot, int wanted, Func<string, bool>? fits, int wave, DateTimeOffset? deadline)
        {
            var excluded = new HashSet<string>(StringComparer.Ordinal);
            while (wanted > 0)
            {
                var candidates = ledger.Posts.NextCandidates(slot, ledger.RollCall, excluded, wanted, fits);
                if (candidates.Count == 0)
                {
                    return;
                }

                _liveElsewhere ??= await grain.LiveEmergenciesElsewhereAsync();
                excluded.UnionWith(await grain.AtPostElsewhereAsync(candidates, _liveElsewhere));
                foreach (var volunteerId in candidates.Where(c => !excluded.Contains(c)))
                {
                    await grain.AskAsync(ledger, slot, volunteerId, wave, deadline);
                    wanted--;
                }
            }
        }
    }
}
