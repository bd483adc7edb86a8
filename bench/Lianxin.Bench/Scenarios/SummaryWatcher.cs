using System.Diagnostics;
using System.Text.Json;
using Lianxin.Bench.Harness;

namespace Lianxin.Bench.Scenarios;

/// <summary>A dashboard watching an emergency's roll-call summary: when each accounted count first showed.</summary>
internal sealed class SummaryWatcher
{
    private readonly Lock _gate = new();
    private readonly List<(int Accounted, long ReceivedAt)> _seen = [];

    public void OnDelta(JsonElement delta)
    {
        var at = Stopwatch.GetTimestamp();
        if (delta.TryGetProperty("items", out var items) && items.TryGetProperty("summary", out var summary)
            && summary.TryGetProperty("counts", out var counts) && counts.TryGetProperty("accounted", out var accounted))
        {
            lock (_gate)
            {
                var n = accounted.GetInt32();
                if (_seen.Count == 0 || n > _seen[^1].Accounted)
                {
                    _seen.Add((n, at));
                }
            }
        }
    }

    /// <summary>
    /// For the i-th acknowledged answer (in acknowledgement order), the time until a summary counted at least i
    /// answers; waits up to <paramref name="patience"/> for the last one.
    /// </summary>
    public async Task<Percentiles> LagAsync(long[] acknowledged, TimeSpan patience)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(patience.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline && Last() < acknowledged.Length)
        {
            await Task.Delay(50);
        }

        List<(int Accounted, long ReceivedAt)> seen;
        lock (_gate)
        {
            seen = [.. _seen];
        }

        var sorted = acknowledged.Where(a => a > 0).Order().ToArray();
        var lags = new List<double>(sorted.Length);
        var at = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            while (at < seen.Count && seen[at].Accounted < i + 1)
            {
                at++;
            }

            if (at == seen.Count)
            {
                break;
            }

            lags.Add(Math.Max(0, (seen[at].ReceivedAt - sorted[i]) * 1000.0 / Stopwatch.Frequency));
        }

        return Percentiles.Of([.. lags.Order()]);
    }

    private int Last()
    {
        lock (_gate)
        {
            return _seen.Count == 0 ? 0 : _seen[^1].Accounted;
        }
    }
}
