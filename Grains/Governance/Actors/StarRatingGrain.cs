using Lianxin.Common;
using Microsoft.Extensions.Logging;

namespace Lianxin.Governance;

/// <summary>The rating committee's decisions for one center and year; appended, never rewritten.</summary>
internal sealed partial class StarRatingGrain(
    [PersistentState(StorageNames.StarRatingState, StorageNames.Default)] IPersistentState<StarRatingState> state,
    ILogger<StarRatingGrain> logger) : Grain, IStarRatingGrain
{
    public async Task<int> RecordDecisionAsync(RatingDecision decision)
    {
        if (!RatingDecision.AllowedStars.Contains(decision.Stars) || string.IsNullOrWhiteSpace(decision.Reason))
        {
            throw new ArgumentException("A decision needs 5, 4, 3 or 0 stars and a reason.", nameof(decision));
        }

        if (state.State.Decisions.Count >= RatingDecision.MaxPerYear)
        {
            return 0;
        }

        state.State.Decisions.Add(decision);
        await state.WriteStateAsync();
        LogRecorded(this.GetPrimaryKeyString(), decision.Stars, decision.ComputedStars, decision.DecidedBy);
        return state.State.Decisions.Count;
    }

    public Task<IReadOnlyList<RatingDecision>> GetDecisionsAsync() =>
        Task.FromResult<IReadOnlyList<RatingDecision>>([.. state.State.Decisions]);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rating decision for {RatingKey}: {Stars} stars (computed {ComputedStars}) by {DecidedBy}")]
    private partial void LogRecorded(string ratingKey, int stars, int computedStars, string decidedBy);
}
