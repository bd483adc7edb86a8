namespace Lianxin.Bench.Harness;

/// <summary>One measurement of a run: it starts what it needs, adds its figures to the results, and stops what it started.</summary>
internal interface IScenario
{
    /// <summary>The name <c>--only</c> selects it by.</summary>
    string Name { get; }

    Task RunAsync(BenchContext context);
}
