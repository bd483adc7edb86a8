using Lianxin.Governance;

namespace Lianxin.HelpRequests;

/// <summary>The persisted state of a help request. A schema: members are only ever added, ids never reused.</summary>
[GenerateSerializer, Alias("Lianxin.HelpRequestGrainState")]
public sealed class HelpRequestGrainState
{
    /// <summary>Null until the ticket is opened.</summary>
    [Id(0)] public HelpRequestTicket? Ticket { get; set; }

    /// <summary>The closed loop; null until opened (and for tickets opened before the loop existed, until activated).</summary>
    [Id(1)] public LoopTicket? Loop { get; set; }

    /// <summary>True once a finished order's hours are in its claimers' ledgers.</summary>
    [Id(2)] public bool HoursCredited { get; set; }
}
