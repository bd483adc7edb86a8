namespace Lianxin.Governance;

/// <summary>The persisted decisions of one center and rating year. A schema: members only added, ids never reused.</summary>
[GenerateSerializer, Alias("Lianxin.StarRatingState")]
public sealed class StarRatingState
{
    [Id(0)] public List<RatingDecision> Decisions { get; set; } = [];
}
