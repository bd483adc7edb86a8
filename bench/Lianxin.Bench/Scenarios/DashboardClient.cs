using System.Diagnostics;
using System.Text.Json;

namespace Lianxin.Bench.Scenarios;

/// <summary>
/// What one dashboard connection saw of the probe center: each time its check-in count went up, and when. Also how
/// many deltas it received and how big they were.
/// </summary>
internal sealed class DashboardClient(string probeItemKey)
{
    private readonly Lock _gate = new();
    private readonly List<(int Count, long ReceivedAt)> _counts = [];
    private long _deltas;
    private long _bytes;

    public long Deltas => Interlocked.Read(ref _deltas);

    public long Bytes => Interlocked.Read(ref _bytes);

    public IReadOnlyList<(int Count, long ReceivedAt)> Counts
    {
        get
        {
            lock (_gate)
            {
                return [.. _counts];
            }
        }
    }

    /// <summary>The probe center's check-ins today in a snapshot or delta's items, or null when it is not among them.</summary>
    public static int? ProbeCount(JsonElement items, string key)
    {
        if (!items.TryGetProperty(key, out var card)
            || !card.TryGetProperty("live", out var live)
            || !live.TryGetProperty("checkInsTodayByFunction", out var byFunction))
        {
            return null;
        }

        var total = 0;
        foreach (var function in byFunction.EnumerateObject())
        {
            total += function.Value.GetInt32();
        }

        return total;
    }

    public void OnDelta(JsonElement delta, bool measureSize)
    {
        var receivedAt = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _deltas);
        if (measureSize)
        {
            Interlocked.Add(ref _bytes, delta.GetRawText().Length);
        }

        if (delta.TryGetProperty("items", out var items) && ProbeCount(items, probeItemKey) is { } count)
        {
            lock (_gate)
            {
                if (_counts.Count == 0 || count > _counts[^1].Count)
                {
                    _counts.Add((count, receivedAt));
                }
            }
        }
    }
}
