using System.Collections.Concurrent;
using Lianxin.Activities;

namespace Lianxin.WebHost.Apis.Activities;

/// <summary>
/// The activities' grain references, made once per activity on this host. Orleans resolves a grain interface's type
/// by reading its attributes through reflection on every <c>GetGrain</c>: under a flash crowd that was 4-8 % of the
/// host's CPU per sign-up, for a reference that is the same every time.
/// </summary>
internal sealed class ActivityGrains(IGrainFactory grains)
{
    /// <summary>References kept; past it the cache starts again (a reference is cheap to make, only not per request).</summary>
    private const int Kept = 10_000;

    private readonly ConcurrentDictionary<string, IServiceActivityGrain> _references = new(StringComparer.Ordinal);
    private int _added;

    public IServiceActivityGrain Get(string activityId)
    {
        if (_references.TryGetValue(activityId, out var reference))
        {
            return reference;
        }

        if (Interlocked.Increment(ref _added) % Kept == 0)
        {
            _references.Clear();
        }

        return _references.GetOrAdd(activityId, grains.GetGrain<IServiceActivityGrain>(activityId));
    }
}
