namespace Lianxin.Volunteers;

/// <summary>What a person is doing now.</summary>
public enum VolunteerStatus
{
    /// <summary>Not on duty.</summary>
    OffDuty = 0,
    /// <summary>On duty at a center.</summary>
    OnDuty = 1,
    /// <summary>Mobilized by a live emergency.</summary>
    Mobilized = 2,
    /// <summary>At an assigned post of a live emergency.</summary>
    AtPost = 3,
}
