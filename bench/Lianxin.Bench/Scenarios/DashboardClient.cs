using System.Diagnostics;
using System.Text.Json;

namespace Lianxin.Bench.Scenarios;

/// <summary>
/// What one dashboard connection saw of the probe center: each time its check-in count went up, and when. Also how
/// many deltas it received and how big they were. It speaks live protocol version 2, as the dashboard does: the probe
/// center's card comes whole in the snapshot, then as merge patches of the counts that changed.
/// </summary>
internal sealed class DashboardClient(string probeItemKey)
{
    private readonly Lock _gate = new();
    private readonly List<(int Count, long ReceivedAt)> _counts = [];
    private readonly List<(int Count, DateTimeOffset CutAt, DateTimeOffset ReceivedAt)> _cuts = [];
    private long _deltas;
    private long _bytes;
    private readonly Dictionary<string, int> _probeByFunction = new(StringComparer.Ordinal);

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

    /// <summary>Per count seen: when the feed cut the delta that carried it (its <c>asOf</c>) and when it arrived, by the wall clock.</summary>
    public IReadOnlyList<(int Count, DateTimeOffset CutAt, DateTimeOffset ReceivedAt)> Cuts
    {
        get
        {
            lock (_gate)
            {
                return [.. _cuts];
            }
        }
    }

    /// <summary>Counts deltas and bytes from now on: the warm-up's deltas are not the measured traffic.</summary>
    public void StartCounting()
    {
        Interlocked.Exchange(ref _deltas, 0);
        Interlocked.Exchange(ref _bytes, 0);
    }

    /// <summary>The probe center's check-ins today in a snapshot's items, or null when it is not among them.</summary>
    public static int? ProbeCount(JsonElement items, string key)
    {
        Dictionary<string, int> byFunction = new(StringComparer.Ordinal);
        return Merge(items, key, byFunction, whole: true) ? byFunction.Values.Sum() : null;
    }

    /// <summary>Starts the probe's picture from the subscription's snapshot.</summary>
    public void OnSnapshot(JsonElement snapshot)
    {
        lock (_gate)
        {
            Merge(snapshot.GetProperty("items"), probeItemKey, _probeByFunction, whole: true);
        }
    }

    public void OnDelta(JsonElement delta, bool measureSize)
    {
        var receivedAt = Stopwatch.GetTimestamp();
        var receivedWall = DateTimeOffset.UtcNow;
        Interlocked.Increment(ref _deltas);
        if (measureSize)
        {
            Interlocked.Add(ref _bytes, delta.GetRawText().Length);
        }

        lock (_gate)
        {
            var changed = (delta.TryGetProperty("items", out var items) && Merge(items, probeItemKey, _probeByFunction, whole: true))
                | (delta.TryGetProperty("patches", out var patches) && Merge(patches, probeItemKey, _probeByFunction, whole: false));
            var count = _probeByFunction.Values.Sum();
            if (changed && (_counts.Count == 0 || count > _counts[^1].Count))
            {
                _counts.Add((count, receivedAt));
                if (delta.TryGetProperty("asOf", out var asOf) && asOf.TryGetDateTimeOffset(out var cutAt))
                {
                    _cuts.Add((count, cutAt, receivedWall));
                }
            }
        }
    }

    /// <summary>Takes the probe card's check-in counts from a whole item, or merges those a patch carries.</summary>
    private static bool Merge(JsonElement items, string key, Dictionary<string, int> byFunction, bool whole)
    {
        if (!items.TryGetProperty(key, out var card)
            || !card.TryGetProperty("live", out var live)
            || !live.TryGetProperty("checkInsTodayByFunction", out var counts))
        {
            return false;
        }

        if (whole)
        {
            byFunction.Clear();
        }

        foreach (var function in counts.EnumerateObject())
        {
            if (function.Value.ValueKind == JsonValueKind.Null)
            {
                byFunction.Remove(function.Name);
            }
            else
            {
                byFunction[function.Name] = function.Value.GetInt32();
            }
        }

        return true;
    }
}
