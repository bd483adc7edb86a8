namespace Lianxin.Emergencies;

/// <summary>The persisted inbound warning. A schema: members are only ever added, ids never reused.</summary>
[GenerateSerializer, Alias("Lianxin.InboundAlertState")]
public sealed class InboundAlertState
{
    [Id(0)] public InboundAlert? Alert { get; set; }

    [Id(1)] public InboundOutcome? Outcome { get; set; }
}
