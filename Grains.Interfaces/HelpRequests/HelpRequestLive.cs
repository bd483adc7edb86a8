using Lianxin.Common;
using Lianxin.Governance;
using Lianxin.Live;

namespace Lianxin.HelpRequests;

/// <summary>
/// A help request as a center's live feed shows it (item key <see cref="Key"/>): published to its center and, once
/// escalated, to the center it escalated to.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.HelpRequestLive")]
public sealed record HelpRequestLive(
    [property: Id(0)] string Id,
    [property: Id(1)] string CenterId,
    [property: Id(2)] BasicFunction Function,
    [property: Id(3)] HelpRequestState Stage,
    [property: Id(4)] string? OwnerName,
    [property: Id(5)] DateTimeOffset? DueAt,
    [property: Id(6)] string? EscalatedTo,
    [property: Id(7)] int EscalationLevel,
    [property: Id(8)] DateTimeOffset AsOf) : ILiveItem
{
    /// <summary>The live-feed key of a help request.</summary>
    public static string Key(string id) => $"helpRequest:{id}";
}
