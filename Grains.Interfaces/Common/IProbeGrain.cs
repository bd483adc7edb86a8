namespace Lianxin.Common;

/// <summary>Answers readiness probes: a call that touches no state proves the cluster routes calls.</summary>
[Alias("Lianxin.IProbeGrain")]
public interface IProbeGrain : IGrainWithIntegerKey
{
    /// <summary>Returns at once.</summary>
    [Alias("Ping")]
    Task PingAsync();
}
