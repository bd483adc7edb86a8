namespace Lianxin.Ledger;

/// <summary>Where volunteer hours stand. Hours are never deleted: a decision only moves them on.</summary>
public enum HoursState
{
    /// <summary>Awaiting center staff.</summary>
    Pending = 1,
    /// <summary>Approved by center staff: points were earned.</summary>
    Approved = 2,
    /// <summary>Declined by center staff, with a reason.</summary>
    Declined = 3,
}
