namespace Lianxin.Bench.Harness;

/// <summary>Everything a run wrote: when, which commit, on what machine and database settings, and the figures.</summary>
internal sealed record RunRecord(
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    string Commit,
    bool Smoke,
    BenchSizes Sizes,
    MachineInfo Machine,
    double LoadAverageAtEnd,
    IReadOnlyDictionary<string, string> Postgres,
    IReadOnlyList<Figure> Figures,
    IReadOnlyList<string> Problems)
{
    /// <summary>Other work on the machine: a load average above half the cores at the start or the end.</summary>
    public bool BusyMachine => Math.Max(Machine.LoadAverageAtStart, LoadAverageAtEnd) > Machine.Cores / 2.0;
}
