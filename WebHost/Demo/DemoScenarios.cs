using Lianxin.Emergencies;

namespace Lianxin.WebHost.Demo;

/// <summary>
/// Prepared responses (预案) of the demo district, so a demo can launch a drill from the dashboard with one key:
/// saved once the district is loaded; saving again changes nothing.
/// </summary>
internal sealed partial class DemoScenarios(DemoDistrictLoader district, IGrainFactory grains, ILogger<DemoScenarios> logger) : BackgroundService
{
    public static readonly IReadOnlyList<(string Id, ScenarioDefinition Definition)> All =
    [
        ("ld-flood-gangkou", Scenario("港口社区防汛集结", EmergencyLevel.Yellow, AlertCategory.Met, "防汛",
            new EmergencyScope(ScopeKind.Grids, ["ld-dg-c01-g01", "ld-dg-c01-g02"]))),
        ("ld-typhoon-donggang", Scenario("东港街道台风防御", EmergencyLevel.Orange, AlertCategory.Met, "台风",
            new EmergencyScope(ScopeKind.Region, ["ld-dg"]))),
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await district.Loaded.WaitAsync(stoppingToken);
            foreach (var (id, definition) in All)
            {
                await grains.GetGrain<IScenarioGrain>(id).SaveAsync(definition);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(e);
        }
    }

    private static ScenarioDefinition Scenario(string name, EmergencyLevel level, AlertCategory category, string @event, EmergencyScope scope) =>
        new(name, level, category, @event, MessageTemplates.Default, scope, [], RollCallTimers.Default, "ld", null);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Saving the demo scenarios failed")]
    private partial void LogFailed(Exception exception);
}
