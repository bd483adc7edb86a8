using Lianxin.Emergencies;

namespace Lianxin.Volunteers;

/// <summary>
/// The person's side of emergencies. Their messages and reply tokens are kept by the emergencies (durable in their
/// journals); this actor reads them when the person's page or profile is read, so a launch never has to activate it
/// and a restart never blanks a page. Standing at a post is persisted here, because other emergencies must not ask
/// the person while it holds, even if this actor was collected in between.
/// </summary>
internal sealed partial class VolunteerGrain
{
    /// <summary>How long what the emergencies said is reused before they are asked again.</summary>
    private static readonly TimeSpan AlertsFreshFor = TimeSpan.FromSeconds(1);

    private IReadOnlyList<(EmergencyEntry Entry, PersonAlerts Alerts)> _current = [];
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    /// <summary>Emergencies that told this person to stand down: a status report racing the stand-down is ignored.</summary>
    private readonly HashSet<string> _stoodDown = new(StringComparer.Ordinal);

    private async Task<VolunteerLive> CurrentLiveAsync()
    {
        if (state.State.Post is { } post)
        {
            return new VolunteerLive(VolunteerStatus.AtPost, null, post.Since, post.EmergencyId);
        }

        var mobilized = (await CurrentAlertsAsync())
            .Where(c => c.Alerts.Running && c.Alerts.Status != RollCallStatus.Unavailable && !_stoodDown.Contains(c.Entry.Id))
            .Select(c => (c.Entry.Id, Since: c.Alerts.Alerts.Where(a => a.Kind != AlertKind.Escalation).Select(a => (DateTimeOffset?)a.SentAt).Min()))
            .Where(m => m.Since is not null)
            .ToList();
        if (mobilized.Count > 0)
        {
            var latest = mobilized.MaxBy(m => m.Since);
            return new VolunteerLive(VolunteerStatus.Mobilized, null, latest.Since!.Value, latest.Id);
        }

        return await DutyAsync();
    }

    /// <summary>
    /// What every current emergency holds for this person. The live status shown in rosters may reuse a reading younger
    /// than a second; the person's own page always reads afresh, because a message delivered since (an ask of the next
    /// wave, a stand-down) does not pass through this actor and would otherwise be missing from the page.
    /// </summary>
    private async Task<IReadOnlyList<(EmergencyEntry Entry, PersonAlerts Alerts)>> CurrentAlertsAsync(bool fresh = false)
    {
        if (!fresh && clock.GetUtcNow() - _readAt < AlertsFreshFor)
        {
            return _current;
        }

        var entries = await GrainFactory.GetGrain<IEmergencyDirectoryGrain>(0).ListCurrentAsync();
        var alerts = await Task.WhenAll(entries.Select(e => GrainFactory.GetGrain<IEmergencyGrain>(e.Id).GetAlertsForAsync(Id)));
        _current = [.. entries.Zip(alerts).Where(p => p.Second is not null).Select(p => (p.First, p.Second!))];
        _readAt = clock.GetUtcNow();
        return _current;
    }

    public async Task ReportRollCallAsync(string emergencyId, RollCallStatus status, string? postId)
    {
        if (state.State.Profile is null || _stoodDown.Contains(emergencyId))
        {
            return;
        }

        _readAt = DateTimeOffset.MinValue;
        var post = state.State.Post;
        if (status == RollCallStatus.AtPost)
        {
            if (post is null || post.EmergencyId != emergencyId || post.PostId != postId)
            {
                state.State.Post = new PostAssignment(emergencyId, postId, clock.GetUtcNow());
                await state.WriteStateAsync();
            }

            return;
        }

        if (post?.EmergencyId == emergencyId)
        {
            state.State.Post = null;
            await state.WriteStateAsync();
        }
    }

    public async Task<IReadOnlyList<VolunteerAlert>> GetAlertsAsync()
    {
        if (state.State.Profile is null)
        {
            return [];
        }

        return [.. (await CurrentAlertsAsync(fresh: true)).SelectMany(c => c.Alerts.Alerts).OrderByDescending(a => a.SentAt)];
    }

    public async Task StandDownAsync(string emergencyId)
    {
        _stoodDown.Add(emergencyId);
        _readAt = DateTimeOffset.MinValue;
        if (state.State.Post?.EmergencyId == emergencyId)
        {
            state.State.Post = null;
            await state.WriteStateAsync();
        }
    }
}
