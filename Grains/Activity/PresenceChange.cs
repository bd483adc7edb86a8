namespace Lianxin.Activity;

/// <summary>What a presence operation did to a visit: the activity actor turns these into counts, duty and hours.</summary>
public sealed record PresenceChange(Visit Visit, PresenceChangeKind Kind);

/// <summary>The kinds of <see cref="PresenceChange"/>.</summary>
public enum PresenceChangeKind
{
    /// <summary>A check-in created the visit.</summary>
    Opened,
    /// <summary>The visit got (or changed) its check-out.</summary>
    Closed,
}
