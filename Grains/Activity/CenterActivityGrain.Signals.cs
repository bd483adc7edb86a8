using Lianxin.Kiosks;

namespace Lianxin.Activity;

/// <summary>What other actors tell the center besides kiosk events: kiosks' connectivity and alerts, open help requests.</summary>
internal sealed partial class CenterActivityGrain
{
    public Task ReportKioskHealthAsync(string kioskId, KioskConnectivity connectivity)
    {
        if (State.Kiosks.GetValueOrDefault(kioskId) != connectivity)
        {
            State.Kiosks[kioskId] = connectivity;
            Changed();
        }

        return Task.CompletedTask;
    }

    public Task TrackHelpRequestAsync(string helpRequestId, bool open)
    {
        if (open ? State.OpenHelpRequests.Add(helpRequestId) : State.OpenHelpRequests.Remove(helpRequestId))
        {
            Changed();
        }

        return Task.CompletedTask;
    }

    public Task AlertAsync(KioskAlert alert)
    {
        State.Alerts[alert.Id] = alert;
        foreach (var old in State.Alerts.Values.Where(a => a.ResolvedAt is not null).OrderByDescending(a => a.ResolvedAt).Skip(RecentLimit).ToList())
        {
            State.Alerts.Remove(old.Id);
        }

        Changed();
        return Task.CompletedTask;
    }
}
