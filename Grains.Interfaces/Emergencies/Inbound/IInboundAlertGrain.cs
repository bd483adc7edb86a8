namespace Lianxin.Emergencies;

/// <summary>
/// One inbound CAP warning, keyed by <see cref="InboundAlert.Key"/> (sender and identifier): it is acted on once,
/// however often it arrives.
/// </summary>
[Alias("Lianxin.IInboundAlertGrain")]
public interface IInboundAlertGrain : IGrainWithStringKey
{
    /// <summary>Matches the warning against the scenarios' rules (an Alert) or follows what it references (an Update or Cancel).</summary>
    [Alias("Receive")]
    Task<InboundOutcome> ReceiveAsync(InboundAlert alert);

    /// <summary>What the warning did, or null when it never arrived.</summary>
    [Alias("Get"), ReadOnly]
    Task<InboundOutcome?> GetAsync();
}
