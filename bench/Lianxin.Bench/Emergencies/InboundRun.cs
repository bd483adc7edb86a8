using System.Diagnostics;
using Lianxin.Bench.Harness;
using Lianxin.Emergencies;

namespace Lianxin.Bench.Emergencies;

/// <summary>
/// Inbound CAP warning → proposal: a region scenario with a "propose" rule, then warnings one after another, each read
/// and validated against the embedded schema and acted on until its proposal is stored and published (what the web
/// host does for <c>POST /api/v1/alerts/inbound</c>, without HTTP). The floor measured in the same run is resolving the
/// scenario's scope alone: the reads a match cannot avoid.
/// </summary>
internal sealed class InboundRun(IGrainFactory grains, BenchDistrict district)
{
    private const int Warnings = 20;

    public async Task RunAsync()
    {
        var scenarioId = $"bench-typhoon-{Guid.NewGuid():N}"[..30];
        var rule = new InboundRule(["台风"], CapSeverity.Severe, [], InboundAction.Propose, EmergencyMode.Exercise);
        var scope = new EmergencyScope(ScopeKind.Region, [district.RootCenterId]);
        var saved = await grains.GetGrain<IScenarioGrain>(scenarioId).SaveAsync(new ScenarioDefinition(
            "压测：台风防御", EmergencyLevel.Orange, AlertCategory.Met, "台风", MessageTemplates.Default, scope, [], RollCallTimers.Default,
            district.RootCenterId, null, [rule]));
        if (!saved.Succeeded)
        {
            throw new InvalidOperationException(saved.Detail);
        }

        var floors = new List<double>();
        var times = new List<double>();
        for (var i = 0; i < Warnings; i++)
        {
            var floor = Stopwatch.StartNew();
            await new AudienceResolver(grains).ResolveAsync(scope);
            floors.Add(floor.Elapsed.TotalMilliseconds);

            var clock = Stopwatch.StartNew();
            var (alert, errors) = CapReader.Read(Warning($"bench-{scenarioId}-{i}"), "bench");
            if (alert is null)
            {
                throw new InvalidOperationException(string.Join("; ", errors));
            }

            var outcome = await grains.GetGrain<IInboundAlertGrain>(alert.Key).ReceiveAsync(alert);
            if (outcome.Matches.FirstOrDefault(m => m.ScenarioId == scenarioId)?.ProposalId is not { } proposalId
                || !(await grains.GetGrain<IAlertProposalsGrain>(0).ListAsync()).Any(p => p.Id == proposalId))
            {
                throw new InvalidOperationException($"warning {i} proposed nothing");
            }

            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        floors.Sort();
        Console.WriteLine($"inbound warning → proposal ({district.GridIds.Count} grids in the scenario's scope, {Warnings} warnings): "
            + $"p50 {times[Warnings / 2]:0.0} ms, max {times[^1]:0.0} ms; floor (resolving the scope alone) p50 {floors[Warnings / 2]:0.0} ms; "
            + $"floor/p50 {floors[Warnings / 2] / times[Warnings / 2]:0.00}");
    }

    private static string Warning(string identifier) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
          <identifier>{identifier}</identifier>
          <sender>bureau@weather.example</sender>
          <sent>2026-07-01T08:00:00+08:00</sent>
          <status>Actual</status>
          <msgType>Alert</msgType>
          <scope>Public</scope>
          <info>
            <language>zh-CN</language>
            <category>Met</category>
            <event>台风红色预警</event>
            <urgency>Immediate</urgency>
            <severity>Extreme</severity>
            <certainty>Likely</certainty>
            <headline>台风红色预警</headline>
            <area><areaDesc>压测区</areaDesc><polygon>27.5,121.0 27.5,121.05 27.55,121.05 27.55,121.0 27.5,121.0</polygon></area>
          </info>
        </alert>
        """;
}
