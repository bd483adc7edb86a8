using Lianxin.Governance;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;

namespace Lianxin.Hosting;

/// <summary>What governance needs in a silo: the help-request closed loop with its time limits (<c>Governance:ClosedLoop</c>)
/// and how actors report star-rating evidence (<c>Governance:Evidence</c>).</summary>
public static class GovernanceServices
{
    public static ISiloBuilder AddLianxinGovernance(this ISiloBuilder silo, IConfiguration configuration)
    {
        var limits = (configuration.GetSection(ClosedLoopLimitsOptions.Section).Get<ClosedLoopLimitsOptions>() ?? new()).ToLimits();
        if (new[] { limits.ToAssign, limits.ToStart, limits.ToResolve, limits.ToActOnEscalation, limits.ToRate }.Any(l => l <= TimeSpan.Zero))
        {
            throw new InvalidOperationException($"Every limit of {ClosedLoopLimitsOptions.Section} must be positive.");
        }

        silo.Services.TryAddSingleton(new ClosedLoopLifecycle(limits));
        var sweep = (configuration.GetSection(ClosedLoopLimitsOptions.Section).Get<ClosedLoopLimitsOptions>() ?? new()).DueSweep;
        if (sweep <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{ClosedLoopLimitsOptions.Section}:DueSweep must be positive.");
        }

        silo.Services.Configure<ClosedLoopLimitsOptions>(configuration.GetSection(ClosedLoopLimitsOptions.Section));
        // Orleans refuses reminder periods under a minute unless told otherwise: a shorter sweep says so.
        silo.Services.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = sweep < o.MinimumReminderPeriod ? sweep : o.MinimumReminderPeriod);
        silo.Services.Configure<RatingEvidenceOptions>(configuration.GetSection(RatingEvidenceOptions.Section));
        return silo;
    }
}
