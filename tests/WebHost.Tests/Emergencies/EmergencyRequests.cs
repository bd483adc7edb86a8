namespace Lianxin.WebHost.Tests.Emergencies;

/// <summary>Emergency request bodies as a client writes them.</summary>
internal static class EmergencyRequests
{
    public static object Grids(params string[] ids) => new { kind = "grids", ids };

    public static object Launch(object? scope, string mode = "actual", string level = "orange", object? timers = null, object[]? posts = null, string? scenarioId = null) => new
    {
        scenarioId,
        name = scenarioId is null ? "台风“海葵”防御" : null,
        mode,
        level = scenarioId is null ? level : null,
        category = "met",
        scope,
        timers,
        posts,
    };

    public static object Reply(string token, string status, string? channel = null, string? comment = null) =>
        new { token, status, channel, comment };

    public static object OnBehalf(string volunteerId, string status, string? comment) => new { volunteerId, status, comment };
}
