namespace Lianxin.Emergencies.Gateways;

/// <summary>One HTTP try of a gateway request, as the recorder below the retries saw it.</summary>
internal sealed record GatewayTry(DateTimeOffset At, int? StatusCode, string? Error, double DurationMs);
