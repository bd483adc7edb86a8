namespace Lianxin.Kiosks;

/// <summary>How urgent a kiosk alert is: what staff should drop everything for, and what can wait for the next round.</summary>
public enum KioskAlertSeverity
{
    /// <summary>Working, but needs attention soon (paper low, ribbon worn).</summary>
    Minor = 1,
    /// <summary>A peripheral is out of service (printer out of paper, scanner fault): some services cannot be used.</summary>
    Major = 2,
    /// <summary>The kiosk itself is offline: no service at all.</summary>
    Critical = 3,
}
