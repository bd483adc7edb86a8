namespace Lianxin.Common;

/// <summary>Stateless, so any silo answers locally: readiness never waits on one busy activation.</summary>
[StatelessWorker]
internal sealed class ProbeGrain : Grain, IProbeGrain
{
    public Task PingAsync() => Task.CompletedTask;
}
