using Lianxin.Common;
using Lianxin.Live;

namespace Lianxin.Emergencies;

/// <summary>
/// Pushes the roll-call to its live scope: a burst of answers becomes one publish per <see cref="PublishDelay"/>,
/// carrying only the headline, grids and posts that changed since the last one.
/// </summary>
internal sealed partial class EmergencyGrain
{
    private static readonly TimeSpan PublishDelay = TimeSpan.FromMilliseconds(100);

    private readonly Dictionary<string, StatusCounts> _publishedGrids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PostRollCall> _publishedPosts = new(StringComparer.Ordinal);
    private RollCallTotals? _publishedTotals;
    private readonly DeferredWork<EmergencyGrain> _publish = new(static grain =>
    {
        grain.PublishChanges();
        return Task.CompletedTask;
    }, PublishDelay, interleave: true);
    private int _milestonePublished;

    private void MarkChanged()
    {
        if (_deactivating)
        {
            return;
        }

        _publish.Request(this);
    }

    private void PublishChanges()
    {
        _publish.Cancel();
        if (Launched is not { } ledger)
        {
            return;
        }

        var scope = LiveScope.Emergency(Id);
        var totals = ledger.Totals(Now);
        if (_publishedTotals is null || _publishedTotals with { AsOf = totals.AsOf } != totals)
        {
            LiveFeeds.Publish(GrainFactory, scope, "summary", totals);
            _publishedTotals = totals;
            _ = PublishMilestonesAsync(ledger, totals);
        }

        foreach (var gridId in ledger.RollCall.GridIds)
        {
            var counts = ledger.RollCall.CountsOf(gridId);
            if (!_publishedGrids.TryGetValue(gridId, out var published) || published != counts)
            {
                LiveFeeds.Publish(GrainFactory, scope, $"grid:{gridId}", new GridRollCall(gridId, counts));
                _publishedGrids[gridId] = counts;
            }
        }

        foreach (var slot in ledger.Posts.Slots)
        {
            var post = ledger.Post(slot);
            if (!_publishedPosts.TryGetValue(slot.Id, out var published) || published != post)
            {
                LiveFeeds.Publish(GrainFactory, scope, $"post:{slot.Id}", post);
                _publishedPosts[slot.Id] = post;
            }
        }
    }

    /// <summary>
    /// The roll-call's milestones (50, 90 and 100 % accounted for) on the outbound feed, each once: a new activation
    /// publishes those reached again and the feed keeps the first. A failed publication is tried with the next change.
    /// </summary>
    private async Task PublishMilestonesAsync(EmergencyLedger ledger, RollCallTotals totals)
    {
        var due = RollCallMilestones.Reached(totals.Counts.Accounted, totals.Counts.Total).Where(p => p > _milestonePublished).ToList();
        if (due.Count == 0)
        {
            return;
        }

        var before = _milestonePublished;
        _milestonePublished = due.Max();
        try
        {
            var entry = DirectoryEntry(ledger);
            await feed.PublishAsync([.. due.Select(p => EventFeed.FeedEvents.RollCallMilestone(entry, p, totals.Counts.Accounted, totals.Counts.Total, totals.AsOf))]);
        }
        catch (Exception e)
        {
            _milestonePublished = Math.Min(_milestonePublished, before);
            LogBackgroundFailed(e, "roll-call milestones", Id);
        }
    }
}
