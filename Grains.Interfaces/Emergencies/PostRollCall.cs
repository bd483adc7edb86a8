namespace Lianxin.Emergencies;

/// <summary>How one post is being filled: asks out, accepted, declined or expired, and people at the post.</summary>
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
    [property: Id(9)] int ReserveLeft)
{
    /// <summary>A post is filled when its quota is at the post.</summary>
    public bool Filled => AtPost >= Quota;
}
