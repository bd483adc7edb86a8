using System.Globalization;

namespace Lianxin.Bench.Workers;

/// <summary>A worker's command line: <c>--grains N --inflight N --warmup SECONDS --measure SECONDS [--postgres CS]</c>.</summary>
internal sealed record WorkerArgs(int Grains, int InFlight, TimeSpan Warmup, TimeSpan Measure, string? Postgres)
{
    public static WorkerArgs Parse(IEnumerable<string> args)
    {
        var values = args.Chunk(2).ToDictionary(pair => pair[0].TrimStart('-'), pair => pair[1]);
        double Seconds(string key) => double.Parse(values.GetValueOrDefault(key, "0"), CultureInfo.InvariantCulture);
        return new WorkerArgs(
            int.Parse(values.GetValueOrDefault("grains", "1000"), CultureInfo.InvariantCulture),
            int.Parse(values.GetValueOrDefault("inflight", "64"), CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(Seconds("warmup")),
            TimeSpan.FromSeconds(Seconds("measure")),
            values.GetValueOrDefault("postgres"));
    }

    public IEnumerable<string> ToArgs() =>
    [
        "--grains", Grains.ToString(CultureInfo.InvariantCulture),
        "--inflight", InFlight.ToString(CultureInfo.InvariantCulture),
        "--warmup", Warmup.TotalSeconds.ToString(CultureInfo.InvariantCulture),
        "--measure", Measure.TotalSeconds.ToString(CultureInfo.InvariantCulture),
        .. Postgres is null ? Array.Empty<string>() : ["--postgres", Postgres],
    ];
}
