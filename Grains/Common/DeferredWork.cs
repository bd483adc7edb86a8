namespace Lianxin.Common;

/// <summary>
/// Work an actor puts off so that a burst of reasons for it runs it once: a write after many changes, one report to a
/// parent, one delta to the screens. The first <see cref="Request(TGrain)"/> arms a one-shot grain timer and later
/// requests ride on it; the timer is disarmed before the work starts, so what changes while the work runs arms the
/// next one. Like any grain timer it runs on the actor's scheduler, and it ends with the activation.
/// </summary>
/// <remarks>
/// The work is a static function of the actor, so the field that holds it needs no reference to the actor. Work made
/// with <c>spread</c> waits a delay drawn around the given one (<see cref="Stagger.Around"/>), so that actors changed
/// together do not all write together.
/// </remarks>
internal sealed class DeferredWork<TGrain>(Func<TGrain, Task> work, TimeSpan delay, bool interleave = false, bool spread = false)
    where TGrain : IGrainBase
{
    private IGrainTimer? _timer;

    /// <summary>True while the work is put off and not yet started.</summary>
    public bool IsArmed => _timer is not null;

    /// <summary>Runs the work after the delay this work was made with (spread if asked), unless it is already armed.</summary>
    public void Request(TGrain grain)
    {
        if (_timer is null)
        {
            Request(grain, spread ? Stagger.Around(delay) : delay);
        }
    }

    /// <summary>Runs the work after <paramref name="due"/> (at once if not positive), unless it is already armed.</summary>
    public void Request(TGrain grain, TimeSpan due) =>
        _timer ??= grain.RegisterGrainTimer(
            static (state, _) => state.Work.RunNowAsync(state.Grain),
            (Work: this, Grain: grain),
            new GrainTimerCreationOptions(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan) { Interleave = interleave });

    /// <summary>Runs the work now and disarms the timer: what it would have done is done.</summary>
    public Task RunNowAsync(TGrain grain)
    {
        Cancel();
        return work(grain);
    }

    /// <summary>Disarms the timer without running the work.</summary>
    public void Cancel()
    {
        _timer?.Dispose();
        _timer = null;
    }
}
