namespace Lianxin.Emergencies;

/// <summary>CAP 1.2 urgency.</summary>
public enum CapUrgency
{
    Unknown = 0,
    Past = 1,
    Future = 2,
    Expected = 3,
    Immediate = 4,
}
