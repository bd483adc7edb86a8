using Lianxin.Common;
using Lianxin.EventFeed;
using Lianxin.Kiosks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lianxin.Centers;

/// <summary>
/// A center's visits per hour on the outbound feed (<see cref="HourlyVisits"/>). Fed by the center's own reports, off the
/// kiosk ingest path. An hour is published when a reading arrives in a later hour or at a timer just after the hour ends;
/// the state is saved with each closed hour and when the actor goes idle, so a restart only moves visits to a later hour.
/// </summary>
internal sealed class CenterVisitHoursGrain(
    [PersistentState(StorageNames.CenterVisitHoursState, StorageNames.Default)] IPersistentState<CenterVisitHoursState> state,
    [FromKeyedServices(CentersClock.Key)] TimeProvider clock,
    IOptions<KioskOptions> kiosks,
    IEventFeed feed) : Grain, ICenterVisitHoursGrain
{
    private static readonly TimeSpan AfterHour = TimeSpan.FromSeconds(5);

    private HourlyVisits _hours = null!;
    private readonly DeferredWork<CenterVisitHoursGrain> _close = new(static grain => grain.CloseAsync(), TimeSpan.Zero);
    private bool _dirty;

    private string Id => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var zone = kiosks.Value.Zone;
        _hours = new HourlyVisits(new LocalCalendar(zone)) { HourStart = state.State.HourStart, Hour = state.State.Hour, Latest = state.State.Latest };
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => _dirty ? SaveAsync() : Task.CompletedTask;

    public async Task ObserveAsync(IReadOnlyDictionary<BasicFunction, int> checkInsToday)
    {
        _dirty = true;
        await PublishAsync(_hours.Observe(clock.GetUtcNow(), checkInsToday));
        ArmCloseTimer();
    }

    private async Task CloseAsync()
    {
        await PublishAsync(_hours.Close(clock.GetUtcNow()));
        ArmCloseTimer();
    }

    private async Task PublishAsync((DateTimeOffset Start, IReadOnlyDictionary<BasicFunction, int> Visits)? closed)
    {
        if (closed is { } hour)
        {
            await feed.PublishAsync([FeedEvents.HourlyVisits(Id, hour.Start, hour.Visits)]);
            await SaveAsync();
        }
    }

    private void ArmCloseTimer()
    {
        if (!_close.IsArmed && _hours.HourStart is { } start && _hours.Hour.Count > 0)
        {
            _close.Request(this, start.AddHours(1) + AfterHour - clock.GetUtcNow());
        }
    }

    private async Task SaveAsync()
    {
        (state.State.HourStart, state.State.Hour, state.State.Latest) = (_hours.HourStart, _hours.Hour, _hours.Latest);
        await state.WriteStateAsync();
        _dirty = false;
    }
}
