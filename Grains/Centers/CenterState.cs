using Lianxin.Common;

namespace Lianxin.Centers;

/// <summary>The persisted state of a center. A schema: members are only ever added, ids never reused.</summary>
[GenerateSerializer, Alias("Lianxin.CenterState")]
public sealed class CenterState
{
    /// <summary>Null until the center is created.</summary>
    [Id(0)] public CenterProfile? Profile { get; set; }
    [Id(1)] public HashSet<string> ChildIds { get; set; } = [];
    [Id(2)] public HashSet<string> GridIds { get; set; } = [];
    [Id(3)] public HashSet<string> KioskIds { get; set; } = [];
    [Id(4)] public CenterLive Live { get; set; } = CenterLive.Empty;
    [Id(5)] public Dictionary<string, ChildReport> ChildSubtrees { get; set; } = [];

    /// <summary>Numbers this center's own reports to its parent, so the parent can drop stale ones.</summary>
    [Id(6)] public long ReportSequence { get; set; }

    /// <summary>The people on duty here; <see cref="CenterLive.VolunteersOnDuty"/> is its count, never counted on its own.</summary>
    [Id(7)] public HashSet<string> VolunteersOnDuty { get; set; } = [];

    /// <summary>Today's most people inside by local hour, for the public page's pattern.</summary>
    [Id(8)] public DayPattern? Pattern { get; set; }
}

/// <summary>The latest subtree totals a child reported, with the child's sequence number.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.ChildReport")]
public sealed record ChildReport([property: Id(0)] long Sequence, [property: Id(1)] SubtreeSummary Summary);
