using Lianxin.Emergencies;
using Lianxin.Live;

namespace Lianxin.Volunteers;

/// <summary>
/// The person's side of emergencies. Being mobilized is kept in memory only: the emergency's journal is the record,
/// and a live emergency tells its people again whenever it is reactivated. Standing at a post is persisted, because
/// other emergencies must not ask the person while it holds, even if this actor was collected in between.
/// </summary>
internal sealed partial class VolunteerGrain
{
    private readonly Dictionary<string, VolunteerAlert> _alerts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VolunteerAlert> _escalations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _mobilizedSince = new(StringComparer.Ordinal);

    /// <summary>Emergencies that told this person to stand down: a status report racing the stand-down is ignored.</summary>
    private readonly HashSet<string> _stoodDown = new(StringComparer.Ordinal);

    private VolunteerLive CurrentLive
    {
        get
        {
            if (state.State.Post is { } post)
            {
                return new VolunteerLive(VolunteerStatus.AtPost, null, post.Since, post.EmergencyId);
            }

            if (_mobilizedSince.Count > 0)
            {
                var latest = _mobilizedSince.MaxBy(m => m.Value);
                return new VolunteerLive(VolunteerStatus.Mobilized, null, latest.Value, latest.Key);
            }

            return state.State.Live;
        }
    }

    public async Task<AlertReceipt?> ReceiveAlertAsync(VolunteerAlert alert)
    {
        if (state.State.Profile is not { } profile)
        {
            return null;
        }

        var emergencyId = alert.EmergencyId;
        if (alert.Kind == AlertKind.Escalation)
        {
            _escalations[emergencyId] = alert;
            EmergencyFeeds.Publish(GrainFactory, LiveScope.Volunteer(Id), $"escalation:{emergencyId}", alert);
        }
        else
        {
            _alerts[emergencyId] = alert;
            EmergencyFeeds.Publish(GrainFactory, LiveScope.Volunteer(Id), $"alert:{emergencyId}", alert);
            if (alert.Kind is AlertKind.Cancel or AlertKind.End)
            {
                await StandDownAsync(emergencyId);
            }
            else
            {
                _mobilizedSince.TryAdd(emergencyId, alert.SentAt);
            }
        }

        var elsewhere = state.State.Post is { } post && post.EmergencyId != emergencyId ? post.EmergencyId : null;
        return new AlertReceipt(Id, profile.Name, profile.Phone, profile.Skills, elsewhere);
    }

    public async Task ReportRollCallAsync(string emergencyId, RollCallStatus status, string? postId)
    {
        if (state.State.Profile is null || _stoodDown.Contains(emergencyId))
        {
            return;
        }

        var post = state.State.Post;
        if (status == RollCallStatus.AtPost)
        {
            _mobilizedSince.TryAdd(emergencyId, clock.GetUtcNow());
            if (post is null || post.EmergencyId != emergencyId || post.PostId != postId)
            {
                state.State.Post = new PostAssignment(emergencyId, postId, clock.GetUtcNow());
                await state.WriteStateAsync();
            }

            return;
        }

        if (status == RollCallStatus.Unavailable)
        {
            _mobilizedSince.Remove(emergencyId);
        }
        else
        {
            _mobilizedSince.TryAdd(emergencyId, clock.GetUtcNow());
        }

        if (post?.EmergencyId == emergencyId)
        {
            state.State.Post = null;
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<VolunteerAlert>> GetAlertsAsync() =>
        Task.FromResult<IReadOnlyList<VolunteerAlert>>([.. _alerts.Values.Concat(_escalations.Values).OrderByDescending(a => a.SentAt)]);

    private async Task StandDownAsync(string emergencyId)
    {
        _stoodDown.Add(emergencyId);
        _mobilizedSince.Remove(emergencyId);
        if (state.State.Post?.EmergencyId == emergencyId)
        {
            state.State.Post = null;
            await state.WriteStateAsync();
        }
    }
}
