using Lianxin.Bench.Emergencies;
using Lianxin.Bench.Harness;
using Lianxin.Bench.Workers;

namespace Lianxin.Bench;

/// <summary>
/// The benchmark harness (see BENCHMARKS.md). With no command, or <c>run</c>, it measures this machine's ceilings
/// and the product's figures and writes them as JSON and Markdown. <c>serve</c>, <c>worker</c> and <c>simulate</c> are
/// the child processes it starts itself: the load never shares a process with what it loads. <c>actor-mobilization</c> measures
/// a mobilization at the actor level, a silo in this process.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args) => args switch
    {
        ["serve", .. var rest] => await CeilingApp.RunAsync(rest),
        ["worker", .. var rest] => await GrainWorker.RunAsync(rest),
        [KioskLoad.Command, .. var rest] => await KioskLoad.MainAsync(rest),
        ["run", .. var rest] => await BenchRun.RunAsync(rest),
        [ActorMobilization.Command, .. var rest] => await ActorMobilization.RunAsync(rest),
        _ => await BenchRun.RunAsync(args),
    };
}
