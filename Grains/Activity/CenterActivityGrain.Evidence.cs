using Lianxin.Common;
using Lianxin.Governance;

namespace Lianxin.Activity;

/// <summary>
/// The star rating's check-in evidence: the days' counts go to the center's yearly evidence actor, which keeps them
/// after this actor has pruned its days. Sent at most once per <see cref="RatingEvidenceOptions.ReportInterval"/> and only for days that changed since the last
/// report (every report replaces its day, so a repeat is harmless).
/// </summary>
internal sealed partial class CenterActivityGrain
{
    private readonly Dictionary<DateOnly, Dictionary<BasicFunction, int>> _evidenceSent = [];
    private DateTimeOffset _evidenceSentAt = DateTimeOffset.MinValue;

    private async Task ReportEvidenceAsync(bool now = false)
    {
        var at = clock.GetUtcNow();
        var interval = evidence.Value.ReportInterval;
        if (!now && at - _evidenceSentAt < interval)
        {
            return;
        }

        _evidenceSentAt = at;
        foreach (var (day, counts) in State.Days)
        {
            if (counts.CheckInsByPurpose.Count == 0
                || (_evidenceSent.TryGetValue(day, out var sent) && sent.Count == counts.CheckInsByPurpose.Count
                    && counts.CheckInsByPurpose.All(kv => sent.GetValueOrDefault(kv.Key) == kv.Value)))
            {
                continue;
            }

            var copy = new Dictionary<BasicFunction, int>(counts.CheckInsByPurpose);
            await GrainFactory.GetGrain<ICenterEvidenceGrain>(GovernanceKeys.Rating(Id, day.Year)).RecordCheckInsAsync(day, copy);
            _evidenceSent[day] = copy;
        }

        foreach (var gone in _evidenceSent.Keys.Where(d => !State.Days.ContainsKey(d)).ToList())
        {
            _evidenceSent.Remove(gone);
        }
    }
}
