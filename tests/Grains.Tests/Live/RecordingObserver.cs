using System.Collections.Concurrent;
using Lianxin.Live;

namespace Lianxin.Grains.Tests.Live;

/// <summary>An observer that keeps every delta and patch it receives, as a web host's observer would forward them.</summary>
public sealed class RecordingObserver : ILiveObserver
{
    public ConcurrentQueue<LiveDelta> Deltas { get; } = new();

    /// <summary>The object reference a feed holds; object references are weak, so the test keeps this object alive.</summary>
    public ILiveObserver? Reference { get; set; }

    public ConcurrentQueue<LivePatch> Patches { get; } = new();

    public Task OnDeltaAsync(LiveDelta delta)
    {
        Deltas.Enqueue(delta);
        return Task.CompletedTask;
    }

    public Task OnPatchAsync(LivePatch patch)
    {
        Patches.Enqueue(patch);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The item as the highest-numbered delta that carried it has it, or null. Deltas are one-way messages and
    /// may arrive out of order, so the number decides, not the arrival.
    /// </summary>
    public T? Latest<T>(string itemKey)
        where T : class => Deltas.OrderByDescending(d => d.Sequence).Select(d => d.Items.GetValueOrDefault(itemKey)).OfType<T>().FirstOrDefault();
}
