namespace Lianxin.Kiosks;

/// <summary>What became of one event of a batch.</summary>
public enum EventStatus
{
    /// <summary>Stored durably for the first time, and applied.</summary>
    Accepted = 1,
    /// <summary>Its eventId was stored before: it is not counted again.</summary>
    Duplicate = 2,
    /// <summary>Stored, but a rule refused its effect (the reason says which).</summary>
    Rejected = 3,
}
