namespace Lianxin.Emergencies;

/// <summary>
/// How one post is being filled: asks out, accepted, declined or expired, and people at the post. A post filled in
/// waves also says which wave it is on, how many have confirmed (at most the quota), how many were stood down as
/// surplus, and how each skill of its mix stands.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.PostRollCall")]
public sealed record PostRollCall(
    [property: Id(0)] string PostId,
    [property: Id(1)] string Name,
    [property: Id(2)] int Quota,
    [property: Id(3)] int Asked,
    [property: Id(4)] int Pending,
    [property: Id(5)] int Accepted,
    [property: Id(6)] int Declined,
    [property: Id(7)] int Expired,
    [property: Id(8)] int AtPost,
    [property: Id(9)] int ReserveLeft,
    [property: Id(10)] PostFilling Filling = PostFilling.Reserve,
    [property: Id(11)] int Wave = 0,
    [property: Id(12)] int Confirmed = 0,
    [property: Id(13)] int StoodDown = 0,
    [property: Id(14)] IReadOnlyList<SkillFill>? Skills = null,
    [property: Id(15)] DateTimeOffset? WaveDeadline = null)
{
    /// <summary>A post is filled when its quota is at the post.</summary>
    public bool Filled => AtPost >= Quota;
}
