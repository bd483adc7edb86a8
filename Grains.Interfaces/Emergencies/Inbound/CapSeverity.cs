namespace Lianxin.Emergencies;

/// <summary>CAP 1.2 severity, in rising order (Unknown lowest).</summary>
public enum CapSeverity
{
    /// <summary>Severity unknown (CAP <c>Unknown</c>).</summary>
    Unknown = 0,

    /// <summary>Minimal to no known threat to life or property (CAP <c>Minor</c>).</summary>
    Minor = 1,

    /// <summary>Possible threat to life or property (CAP <c>Moderate</c>).</summary>
    Moderate = 2,

    /// <summary>Significant threat to life or property (CAP <c>Severe</c>).</summary>
    Severe = 3,

    /// <summary>Extraordinary threat to life or property (CAP <c>Extreme</c>).</summary>
    Extreme = 4,
}
