namespace Lianxin.Kiosks;

/// <summary>What a kiosk alert is about.</summary>
public enum KioskAlertKind
{
    /// <summary>The kiosk was silent (no heartbeat, no upload) for a sustained time during opening hours.</summary>
    Offline = 1,
    /// <summary>A peripheral reported a fault, went offline or needs attention.</summary>
    Peripheral = 2,
}
