using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.Kiosks;
using Lianxin.Live;

namespace Lianxin.Activity;

/// <summary>The activity's figures on the dashboards: straight to the live feeds on every change, which the feeds coalesce.</summary>
internal sealed partial class CenterActivityGrain
{
    private CenterActivityFeeds? _liveFeeds;
    private CenterActivityFigures? _livePublished;

    /// <summary>Called on every change; sends the figures when they differ from the last ones sent.</summary>
    private void PublishLive()
    {
        var figures = CurrentFigures();
        if (_livePublished is not null && Same(_livePublished, figures))
        {
            return;
        }

        (_liveFeeds ??= new CenterActivityFeeds(GrainFactory, Id)).Publish(figures, clock.GetUtcNow());
        _livePublished = figures;
    }
}
