namespace Lianxin.Emergencies;

/// <summary>
/// Checks a launch's audience and posts before it is launched, by reading the grids and people it would reach in the
/// cluster rather than from the caller. Keyed by 0; it keeps no state, so any silo answers.
/// </summary>
[Alias("Lianxin.ILaunchPlanGrain")]
public interface ILaunchPlanGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// The reserve entries of the command's posts that cannot work: people who do not exist, are not reached by its
    /// scope, or lack a skill their post requires. Empty when no post names a reserve.
    /// </summary>
    [Alias("CheckReserves")]
    Task<IReadOnlyList<ReserveRefusal>> CheckReservesAsync(LaunchCommand command);

    /// <summary>
    /// The refused reserve entries, or else whom the launch would reach grid by grid (a drawn shape counted by both of
    /// its rules) and the posts it cannot fill.
    /// </summary>
    [Alias("Preview")]
    Task<LaunchPlan> PreviewAsync(LaunchCommand command);
}
