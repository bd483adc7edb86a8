namespace Lianxin.Kiosks;

/// <summary>The state of one kiosk peripheral (printer, card reader, scanner, …) as the kiosk reports it.</summary>
public enum PeripheralStatus
{
    /// <summary>Working.</summary>
    Ok = 1,
    /// <summary>Working but needs attention soon (paper low, ribbon worn).</summary>
    Warning = 2,
    /// <summary>Not working.</summary>
    Fault = 3,
    /// <summary>Not connected.</summary>
    Offline = 4,
}
