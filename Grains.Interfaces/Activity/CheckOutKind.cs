namespace Lianxin.Activity;

/// <summary>How a visit ended.</summary>
public enum CheckOutKind
{
    /// <summary>The person checked out at a kiosk.</summary>
    Kiosk = 1,
    /// <summary>Closed automatically at closing time, after the maximum stay, or by the person's next check-in.</summary>
    Automatic = 2,
    /// <summary>Set by center staff, with a reason.</summary>
    Corrected = 3,
}
