using Lianxin.Centers;
using static Lianxin.Governance.GovernanceText;

namespace Lianxin.Governance;

/// <summary>The scoring rules the measures of the published models use.</summary>
internal static class RatingMeasures
{
    /// <summary>Full marks unless the standards check fails; exempt and not-applicable checks keep full marks.</summary>
    public static Func<RatingEvidence, StarRatingModel, MeasureReading> Check(ComplianceCheckKind kind) => (evidence, _) =>
    {
        var check = evidence.Compliance[kind];
        return new(check.Meets ? 1 : 0, $"{Name(check.Outcome)}: {check.Summary}");
    };

    /// <summary>The share of staff with the required training.</summary>
    public static MeasureReading Training(RatingEvidence evidence, StarRatingModel model)
    {
        var check = evidence.Compliance[ComplianceCheckKind.Training];
        return check.Required is > 0 && check.Measured is { } trained
            ? new(trained / check.Required.Value, check.Summary)
            : new(0, check.Summary);
    }

    /// <summary>The share of the ten functions offered; levels not held to all ten keep full marks.</summary>
    public static MeasureReading FunctionsOffered(RatingEvidence evidence, StarRatingModel model)
    {
        var check = evidence.Compliance[ComplianceCheckKind.BasicFunctions];
        return check.Outcome == ComplianceOutcome.NotApplicable || check.Required is not > 0
            ? new(1, check.Summary)
            : new((check.Measured ?? 0) / check.Required.Value, check.Summary);
    }

    /// <summary>
    /// The share of functions residents actually used: a function counts when it had at least
    /// <see cref="StarRatingModel.ActiveFunctionMinCheckIns"/> check-ins in the year, out of ten (or out of the
    /// functions offered, for levels not held to all ten).
    /// </summary>
    public static MeasureReading FunctionsInUse(RatingEvidence evidence, StarRatingModel model)
    {
        if (evidence.CheckInsByFunction is not { } checkIns)
        {
            return MeasureReading.Missing("check-ins by function");
        }

        var functions = evidence.Compliance[ComplianceCheckKind.BasicFunctions];
        var outOf = functions.Outcome == ComplianceOutcome.NotApplicable
            ? Math.Max(1, (int)(functions.Measured ?? 1))
            : CenterStandards.BasicFunctionCount;
        var active = checkIns.Count(c => c.Value >= model.ActiveFunctionMinCheckIns);
        return new(Math.Min(1, active / (double)outOf), $"{active} of {outOf} functions had at least {model.ActiveFunctionMinCheckIns} check-ins.");
    }

    public static MeasureReading CheckIns(RatingEvidence evidence, StarRatingModel model)
    {
        if (evidence.CheckInsByFunction is not { } checkIns)
        {
            return MeasureReading.Missing("check-ins");
        }

        var total = checkIns.Values.Sum();
        var target = model.Targets[evidence.Level].CheckIns;
        return new(MeasureReading.Ramp(total, 0, target), $"{Number(total)} check-ins; full marks at {Number(target)} for a {Name(evidence.Level)} center.");
    }

    public static MeasureReading VolunteerHours(RatingEvidence evidence, StarRatingModel model)
    {
        if (evidence.ApprovedVolunteerHours is not { } hours)
        {
            return MeasureReading.Missing("approved volunteer hours");
        }

        var target = model.Targets[evidence.Level].VolunteerHours;
        return new(MeasureReading.Ramp(hours, 0, target), $"{Number(hours)} approved volunteer hours; full marks at {Number(target)} for a {Name(evidence.Level)} center.");
    }

    public static MeasureReading KioskUptime(RatingEvidence evidence, StarRatingModel model) =>
        evidence.KioskUptimePercent is { } uptime
            ? new(MeasureReading.Ramp(uptime, 90, 99), $"Kiosk uptime {Percent(uptime)}; none at 90 %, full marks at 99 %.")
            : MeasureReading.Missing("kiosk uptime");

    public static MeasureReading HelpRequestsOnTime(RatingEvidence evidence, StarRatingModel model)
    {
        if (evidence.HelpRequests is not { } tally)
        {
            return MeasureReading.Missing("help requests");
        }

        if (tally.Counted == 0)
        {
            return new(1, "No help request ended or went overdue in the year: nothing was late.");
        }

        var share = tally.ClosedOnTime / (double)tally.Counted;
        return new(
            MeasureReading.Ramp(share, 0.5, 0.95),
            $"{tally.ClosedOnTime} of {tally.Counted} closed on time ({Percent(share * 100)}; {tally.ClosedLate} late, {tally.OpenOverdue} open and overdue); none at 50 %, full marks at 95 %.");
    }

    /// <summary>
    /// Each drill scores by its time until 90 % had answered themselves (full marks at 15 min, none at 60); the year
    /// averages its drills. Drills that reached fewer people than the model's minimum are left out.
    /// </summary>
    public static MeasureReading DrillRollCall(RatingEvidence evidence, StarRatingModel model)
    {
        if (evidence.Drills is not { } all)
        {
            return MeasureReading.Missing("roll-call drills");
        }

        var drills = all.Where(d => d.People >= model.DrillMinimumPeople).ToList();
        var tooSmall = all.Count - drills.Count;
        if (drills.Count == 0)
        {
            return new(0, tooSmall == 0
                ? "No roll-call drill was held in the year."
                : $"No roll-call drill counts: {tooSmall} reached fewer than {model.DrillMinimumPeople} people.");
        }

        var scores = drills.Select(d => d.TimeTo90PercentAccounted is { } t ? MeasureReading.Ramp(t.TotalMinutes, 60, 15) : 0).ToList();
        var times = string.Join(", ", drills.Select(d => d.TimeTo90PercentAccounted is { } t ? $"{Number(t.TotalMinutes)} min" : "never reached 90 %"));
        var left = tooSmall == 0 ? "" : $" ({tooSmall} left out: fewer than {model.DrillMinimumPeople} people)";
        return new(scores.Average(), $"{drills.Count} drill{(drills.Count == 1 ? "" : "s")}{left}: {times}; full marks at 15 min until 90 % answered themselves, none at 60 min.");
    }
}
