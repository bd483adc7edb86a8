using System.Diagnostics;
using System.Globalization;

namespace Lianxin.Bench.Harness;

/// <summary>
/// An optional sampled CPU profile of a product host while a scenario loads it: with <c>LIANXIN_BENCH_TRACE</c> set to a
/// folder, <c>dotnet-trace collect --profile dotnet-sampled-thread-time --format Speedscope</c> runs on the host for
/// <c>LIANXIN_BENCH_TRACE_SECONDS</c> (10 unless set) from just before the load, and its file is left in that folder for
/// <c>bench/profile/stages.py</c>. <c>LIANXIN_BENCH_TRACE_PROFILE</c> names another dotnet-trace profile (e.g.
/// <c>gc-verbose</c>, whose allocation samples say which code allocates), kept as a <c>.nettrace</c> file; <c>perf</c> records the
/// whole machine with <c>perf record -a -g</c> instead (every process, and no suspensions of the host: run with
/// <c>DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0</c> so managed frames have names). Off unless asked
/// for: the sampler costs the host some CPU of its own.
/// </summary>
internal sealed class HostTrace : IAsyncDisposable
{
    private readonly Process? _trace;

    private HostTrace(Process? trace) => _trace = trace;

    public static async Task<HostTrace> StartAsync(ChildProcess host, string name)
    {
        if (Environment.GetEnvironmentVariable("LIANXIN_BENCH_TRACE") is not { Length: > 0 } folder)
        {
            return new HostTrace(null);
        }

        var seconds = int.TryParse(Environment.GetEnvironmentVariable("LIANXIN_BENCH_TRACE_SECONDS"), CultureInfo.InvariantCulture, out var s) ? s : 10;
        Directory.CreateDirectory(folder);
        var output = Path.Combine(folder, $"{name}-{DateTime.UtcNow:HHmmss}.nettrace");
        var profile = Environment.GetEnvironmentVariable("LIANXIN_BENCH_TRACE_PROFILE") is { Length: > 0 } asked ? asked : "dotnet-sampled-thread-time";
        var start = profile == "perf"
            ? new ProcessStartInfo("perf", [
                "record", "-a", "-g", "-F", "499", "-o", Path.ChangeExtension(output, ".perf.data"), "--", "sleep", seconds.ToString(CultureInfo.InvariantCulture)])
            : new ProcessStartInfo(Tool(), [
                "collect", "-p", host.Id.ToString(CultureInfo.InvariantCulture), "--profile", profile,
                "--duration", TimeSpan.FromSeconds(seconds).ToString(@"dd\:hh\:mm\:ss", CultureInfo.InvariantCulture),
                "--format", profile == "dotnet-sampled-thread-time" ? "Speedscope" : "NetTrace", "-o", output]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var trace = Process.Start(start) ?? throw new InvalidOperationException("dotnet-trace did not start.");
        _ = trace.StandardOutput.ReadToEndAsync();
        _ = trace.StandardError.ReadToEndAsync();
        // The session needs a moment to attach; load sent before it would go unsampled.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Console.WriteLine($"   tracing {host.Name} (pid {host.Id}) for {seconds} s into {output}");
        return new HostTrace(trace);
    }

    /// <summary>dotnet-trace from the PATH, else where <c>dotnet tool install -g</c> puts it.</summary>
    private static string Tool()
    {
        var global = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools", "dotnet-trace");
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "dotnet-trace")).FirstOrDefault(File.Exists);
        return onPath ?? global;
    }

    public async ValueTask DisposeAsync()
    {
        if (_trace is not null)
        {
            await _trace.WaitForExitAsync();
            _trace.Dispose();
        }
    }
}
