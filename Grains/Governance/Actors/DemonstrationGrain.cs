using Lianxin.Centers;
using Lianxin.Common;

namespace Lianxin.Governance;

/// <summary>A region's demonstration-center selection for one selection year, checked against the final ratings.</summary>
internal sealed class DemonstrationGrain(
    [PersistentState(StorageNames.DemonstrationState, StorageNames.Default)] IPersistentState<DemonstrationState> state) : Grain, IDemonstrationGrain
{
    public async Task<RegistryResult> SelectAsync(DemonstrationSelection selection)
    {
        if (!GovernanceKeys.TryParse(this.GetPrimaryKeyString(), out var regionId, out var year) || selection.Year != year)
        {
            return RegistryResult.Conflict($"The selection is for {selection.Year}, but this record holds {year}.");
        }

        var model = StarRatingModel.Current;
        if (!model.IsDemonstrationYear(year))
        {
            return RegistryResult.Conflict(
                $"{year} is not a selection year: demonstration centers are chosen every {model.DemonstrationEveryYears} years from {model.FirstDemonstrationYear}.");
        }

        var problems = new List<string>();
        foreach (var centerId in selection.CenterIds)
        {
            var path = await CenterAncestry.GetPathToRootAsync(GrainFactory, centerId);
            if (path.Count == 0)
            {
                return RegistryResult.NotFound($"Center '{centerId}' does not exist.");
            }

            if (!path.Contains(regionId))
            {
                problems.Add($"'{centerId}' is not in region '{regionId}'");
                continue;
            }

            var decisions = await GrainFactory.GetGrain<IStarRatingGrain>(GovernanceKeys.Rating(centerId, year)).GetDecisionsAsync();
            if (decisions.Count == 0 || decisions[^1].Stars != 5)
            {
                var final = decisions.Count == 0 ? "no recorded rating" : $"{decisions[^1].Stars} stars";
                problems.Add($"'{centerId}' has {final} for {year}");
            }
        }

        if (problems.Count > 0)
        {
            return RegistryResult.Conflict($"Demonstration centers are chosen from centers rated 5 stars by the committee: {string.Join("; ", problems)}.");
        }

        state.State.Selections.Add(selection);
        await state.WriteStateAsync();
        return state.State.Selections.Count == 1 ? RegistryResult.Created : RegistryResult.Updated;
    }

    public Task<DemonstrationSelection?> GetAsync() => Task.FromResult(state.State.Selections.LastOrDefault());
}
