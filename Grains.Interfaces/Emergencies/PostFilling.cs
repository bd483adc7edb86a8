namespace Lianxin.Emergencies;

/// <summary>How a post asks people.</summary>
public enum PostFilling
{
    /// <summary>
    /// <see cref="PostDefinition.AskAtOnce"/> people at a time from the reserve list; a decline or an unanswered ask
    /// passes the place to the next person.
    /// </summary>
    Reserve = 0,
    /// <summary>
    /// The whole shortfall at once, wave after wave at each ask timeout, from the reserve and then from the nearest
    /// qualified people, until the quota has confirmed; late confirmations still count, and any beyond the quota are
    /// thanked and stood down.
    /// </summary>
    Waves = 1,
}
