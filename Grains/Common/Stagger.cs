namespace Lianxin.Common;

/// <summary>
/// Periodic work of actors that wake together — a silo starting, a district's kiosks coming back after an outage —
/// would otherwise run together for as long as they live: every center's snapshot in the same 100 ms, every 30 s. In
/// the ingest benchmark that one burst (about 65 MB of state serialized and written at once) held every kiosk's batch
/// for up to 835 ms. Drawing each actor's timing from an even spread keeps the average rate and removes the burst.
/// </summary>
internal static class Stagger
{
    /// <summary>A first due time for a timer of this period, drawn evenly from (0, period]: its phase.</summary>
    public static TimeSpan FirstDue(TimeSpan period) => period * (1 - Random.Shared.NextDouble());

    /// <summary>A delay drawn evenly from [½, 1½) × <paramref name="delay"/>: on average the delay itself.</summary>
    public static TimeSpan Around(TimeSpan delay) => delay * (0.5 + Random.Shared.NextDouble());
}
