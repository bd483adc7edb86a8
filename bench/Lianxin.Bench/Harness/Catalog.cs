using Lianxin.Bench.Ceilings;
using Lianxin.Bench.Scenarios;

namespace Lianxin.Bench.Harness;

/// <summary>Every scenario in the order a run measures them: the ceilings first, since product figures are divided by them.</summary>
internal static class Catalog
{
    public static IReadOnlyList<IScenario> All { get; } =
    [
        new HttpPostCeiling(),
        new GrainCallCeiling(),
        new StateWriteCeiling(),
        new JournalCeiling(),
        new BroadcastCeiling(),
        new ActivationMemoryCeiling(),
        new StartCeiling(),
        new ActivationMemoryScenario(),
        new ColdStartScenario(),
        new KioskIngestScenario(),
        new PushLatencyScenario(),
        new PushLatencyScenario(cluster: true),
        new TelemetryCostScenario(),
        new MobilizationScenario(),
        new FlashCrowdScenario(),
        new FlashCrowdDistrictScenario(),
        new EventFeedScenario(),
        new OrderClaimScenario(),
        new ListsScenario(),
        new PublicPageScenario(),
    ];

    public static IReadOnlySet<string> Names { get; } = All.Select(s => s.Name).ToHashSet();
}
