namespace Lianxin.Kiosks;

/// <summary>A kiosk's heartbeat state: it clears itself when beats resume.</summary>
public enum KioskConnectivity
{
    /// <summary>Never sent a heartbeat.</summary>
    Unknown = 0,
    /// <summary>Beating.</summary>
    Online = 1,
    /// <summary>No heartbeat for a short while (default 2 minutes).</summary>
    Degraded = 2,
    /// <summary>No heartbeat for longer (default 5 minutes).</summary>
    Offline = 3,
}
