namespace Lianxin.Emergencies;

/// <summary>CAP 1.2 severity, in rising order (Unknown lowest).</summary>
public enum CapSeverity
{
    Unknown = 0,
    Minor = 1,
    Moderate = 2,
    Severe = 3,
    Extreme = 4,
}
