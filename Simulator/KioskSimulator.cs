using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lianxin.Simulator;

/// <summary>
/// Plays a district's kiosk traffic against a Lianxin web host through kiosk protocol v1: keys are registered
/// through the API, then kiosks send batches with re-sent and overlapping batches, offline periods uploaded late
/// and shuffled, retries after failures, and heartbeats. The demo, the tests and the benchmarks all use it.
/// </summary>
public sealed partial class KioskSimulator(SimulatorOptions options)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private readonly Random _random = new(options.Seed);
    private readonly ConcurrentDictionary<(string, DateTimeOffset), int> _checkIns = new();
    private readonly ConcurrentQueue<string> _rejections = new();
    private readonly ConcurrentBag<double> _latencies = [];
    private long _timedFrom;
    private long _newEvents, _sent, _batches, _accepted, _rejected, _duplicates, _unexpected, _failed, _heartbeats;

    /// <summary>Runs until the options' event count or duration is reached, or until cancelled; then answers what happened.</summary>
    public async Task<SimulationReport> RunAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var district = await DistrictFile.ReadAsync(options.DistrictPath, cancellationToken);
        var played = district.Kiosks.Take(options.Kiosks ?? int.MaxValue).ToList();
        var keys = await KioskProvisioner.ProvisionAsync(http, district, played, options.OperatorToken, cancellationToken);
        var kiosks = CreateKiosks(district, played, keys);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (options.Duration is { } duration)
        {
            stop.CancelAfter(duration);
        }

        var clock = Stopwatch.StartNew();
        _timedFrom = Stopwatch.GetTimestamp() + (long)(options.Warmup.TotalSeconds * Stopwatch.Frequency);
        var pacer = new Pacer(options.EventsPerSecond);
        var heartbeats = options.HeartbeatInterval > TimeSpan.Zero ? BeatAsync(http, kiosks, stop.Token) : Task.CompletedTask;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(async _ =>
        {
            while (!stop.IsCancellationRequested)
            {
                var kiosk = kiosks[(int)((uint)Interlocked.Increment(ref next) % kiosks.Count)];
                if (!await kiosk.Sending.WaitAsync(0, CancellationToken.None))
                {
                    continue;
                }

                try
                {
                    if (!await StepAsync(http, kiosk, pacer, stop.Token))
                    {
                        break;
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    break;
                }
                finally
                {
                    kiosk.Sending.Release();
                }
            }
        }));

        // Whatever kiosks still hold (offline buffers, pending uploads) is uploaded before the run ends.
        await stop.CancelAsync();
        foreach (var kiosk in kiosks)
        {
            kiosk.Uploads.Enqueue([.. kiosk.Buffered]);
            kiosk.Buffered.Clear();
            while (kiosk.Uploads.TryDequeue(out var batch))
            {
                await SendAsync(http, kiosk, batch, cancellationToken);
            }
        }

        await heartbeats.ContinueWith(_ => { }, TaskScheduler.Default);
        return Report(clock.Elapsed);
    }

    /// <summary>One step of one kiosk; false when the run has made all its new events.</summary>
    private async Task<bool> StepAsync(HttpClient http, SimulatedKiosk kiosk, Pacer pacer, CancellationToken cancellationToken)
    {
        if (kiosk.Uploads.TryDequeue(out var late))
        {
            await SendAsync(http, kiosk, late, cancellationToken);
            return true;
        }

        if (kiosk.LastBatch is { } last && Chance(options.DuplicateBatchRate))
        {
            await SendAsync(http, kiosk, last, cancellationToken);
            return true;
        }

        var size = options.BatchSize;
        if (options.TotalEvents is { } total)
        {
            var taken = Interlocked.Add(ref _newEvents, size);
            size = (int)Math.Min(size, total - (taken - size));
            if (size <= 0)
            {
                Interlocked.Add(ref _newEvents, -options.BatchSize);
                return false;
            }

            Interlocked.Add(ref _newEvents, size - options.BatchSize);
        }
        else
        {
            Interlocked.Add(ref _newEvents, size);
        }

        await pacer.WaitAsync(size, cancellationToken);
        var batch = kiosk.NextBatch(size, DateTimeOffset.UtcNow);
        if (kiosk.OfflineBatchesLeft > 0 || Chance(options.OfflineRate))
        {
            kiosk.OfflineBatchesLeft = kiosk.OfflineBatchesLeft > 0 ? kiosk.OfflineBatchesLeft - 1 : options.OfflineBatches;
            kiosk.Buffered.AddRange(batch);
            if (kiosk.OfflineBatchesLeft == 0)
            {
                // Back online: the backlog goes up late and out of order.
                var backlog = kiosk.Buffered.OrderBy(_ => Next()).ToList();
                kiosk.Buffered.Clear();
                foreach (var chunk in backlog.Chunk(options.BatchSize))
                {
                    kiosk.Uploads.Enqueue([.. chunk]);
                }
            }

            return true;
        }

        if (kiosk.LastBatch is { } previous && Chance(options.OverlapRate))
        {
            batch = [.. previous.Skip(previous.Count / 2), .. batch];
        }

        await SendAsync(http, kiosk, batch, cancellationToken);
        kiosk.LastBatch = batch;
        return true;
    }

    private bool Chance(double rate)
    {
        lock (_random)
        {
            return _random.NextDouble() < rate;
        }
    }

    private double Next()
    {
        lock (_random)
        {
            return _random.NextDouble();
        }
    }
}
