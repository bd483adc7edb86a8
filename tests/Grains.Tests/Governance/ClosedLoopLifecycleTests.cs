using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.Governance;
using Lianxin.HelpRequests;
using Xunit;

namespace Lianxin.Grains.Tests.Governance;

public sealed class ClosedLoopLifecycleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly LoopAssignee Member = new("v-1", "王党员", IsPartyMember: true, IsThirdParty: false);
    private static readonly LoopAssignee NonMember = new("v-2", "李群众", IsPartyMember: false, IsThirdParty: false);
    private static readonly LoopAssignee Contractor = new("tp-1", "物业公司", IsPartyMember: true, IsThirdParty: true);

    private readonly ClosedLoopLifecycle _loop = new(ClosedLoopTimeLimits.Default);

    [Fact]
    public void RequestGoesFromOpenToRatedWithADeadlineOnEveryOpenStage()
    {
        var ticket = Open(BasicFunction.CareAssistance);
        Assert.Equal(HelpRequestState.Open, ticket.Stage);
        Assert.Equal(T0.AddHours(2), ticket.DueAt);

        ticket = Accepted(_loop.Assign(ticket, NonMember, "staff-1", T0.AddMinutes(30)));
        Assert.Equal((HelpRequestState.Assigned, T0.AddMinutes(30).AddHours(4)), (ticket.Stage, ticket.DueAt));

        ticket = Accepted(_loop.Start(ticket, NonMember.Id, T0.AddHours(1)));
        Assert.Equal((HelpRequestState.InProgress, T0.AddHours(1).AddDays(3)), (ticket.Stage, ticket.DueAt));

        ticket = Accepted(_loop.Resolve(ticket, NonMember.Id, T0.AddHours(20), "已上门维修"));
        Assert.Equal((HelpRequestState.Resolved, T0.AddHours(20)), (ticket.Stage, ticket.ResolvedAt));

        ticket = Accepted(_loop.Rate(ticket, 5, "resident", T0.AddDays(2)));
        Assert.Equal((HelpRequestState.Rated, 5, (DateTimeOffset?)null), (ticket.Stage, ticket.Rating, ticket.DueAt));
        Assert.True(ticket.ResolvedOnTime);
        Assert.Equal([HelpRequestState.Open, HelpRequestState.Assigned, HelpRequestState.InProgress, HelpRequestState.Resolved, HelpRequestState.Rated], ticket.History.Select(h => h.Stage));
    }

    [Fact]
    public void PartyBuildingTaskIsRefusedToANonMemberWithTheReason()
    {
        var ticket = Open(BasicFunction.PartyBuilding);

        var refused = _loop.Assign(ticket, NonMember, "staff-1", T0);

        Assert.False(refused.Accepted);
        Assert.Contains("party members", refused.Refusal, StringComparison.Ordinal);
        Assert.Contains("李群众 is not a party member", refused.Refusal, StringComparison.Ordinal);
        Assert.Same(ticket, refused.Ticket);
    }

    [Fact]
    public void PartyBuildingTaskIsRefusedToAThirdPartyAccountEvenIfFlaggedAsMember()
    {
        var refused = _loop.Assign(Open(BasicFunction.PartyBuilding), Contractor, "staff-1", T0);

        Assert.Contains("third-party account", refused.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void PartyBuildingTaskGoesToAPartyMember()
    {
        var assigned = _loop.Assign(Open(BasicFunction.PartyBuilding), Member, "staff-1", T0);

        Assert.True(assigned.Accepted);
        Assert.Equal(Member, assigned.Ticket.Owner);
    }

    [Fact]
    public void OverdueRequestEscalatesToTheStreetThenTheDistrictAtTheMomentsTheLimitsPassedEachWithItsDueTime()
    {
        var ticket = Open(BasicFunction.ConvenienceServices);

        var justBefore = _loop.ApplyDeadlines(ticket, T0.AddHours(2).AddTicks(-1));
        var atStreet = _loop.ApplyDeadlines(ticket, T0.AddHours(2));
        var atDistrict = _loop.ApplyDeadlines(atStreet, T0.AddHours(6));

        Assert.Same(ticket, justBefore);
        Assert.Equal((HelpRequestState.Escalated, 1, "street-1", HelpRequestState.Open), (atStreet.Stage, atStreet.EscalationLevel, atStreet.EscalatedTo, atStreet.EscalatedFrom));
        Assert.Equal(T0.AddHours(6), atStreet.DueAt);
        Assert.Contains("to be acted on by 2026-03-02T15:00:00+08:00", atStreet.History[^1].Note, StringComparison.Ordinal);
        Assert.Equal((2, "district-1", HelpRequestState.Open), (atDistrict.EscalationLevel, atDistrict.EscalatedTo, atDistrict.EscalatedFrom));
        Assert.Equal(T0.AddHours(10), atDistrict.DueAt);
        Assert.Equal(T0.AddHours(6), atDistrict.History[^1].At);
        Assert.Equal(ClosedLoopLifecycle.SystemActor, atDistrict.History[^1].Actor);
    }

    [Fact]
    public void LateTimerCatchesUpEveryPassedLimitAndASecondCallChangesNothing()
    {
        var ticket = Open(BasicFunction.ConvenienceServices);

        var late = _loop.ApplyDeadlines(ticket, T0.AddDays(1));
        var again = _loop.ApplyDeadlines(late, T0.AddDays(1));

        Assert.Equal(2, late.EscalationLevel);
        Assert.Null(late.DueAt);
        Assert.Equal([T0.AddHours(2), T0.AddHours(6), T0.AddHours(10)], late.History.Skip(1).Select(h => h.At));
        Assert.Same(late, again);
        Assert.True(late.IsOverdueAt(T0.AddDays(1)));
    }

    [Fact]
    public void OwnerCarriesOnAfterEscalationAndTheRequestCountsAsLate()
    {
        var ticket = Accepted(_loop.Start(Accepted(_loop.Assign(Open(BasicFunction.CareAssistance), Member, "staff-1", T0)), Member.Id, T0.AddHours(1)));
        var escalated = _loop.ApplyDeadlines(ticket, T0.AddHours(1).AddDays(3));

        var resolved = Accepted(_loop.Resolve(escalated, Member.Id, T0.AddDays(4)));

        Assert.Equal(HelpRequestState.InProgress, escalated.EscalatedFrom);
        Assert.Equal(HelpRequestState.Resolved, resolved.Stage);
        Assert.False(resolved.ResolvedOnTime);
    }

    [Fact]
    public void ReassigningAnEscalatedRequestKeepsItsLevelSoTheNextLapseGoesToTheDistrict()
    {
        var escalated = _loop.ApplyDeadlines(Open(BasicFunction.CareAssistance), T0.AddHours(2));
        var reassigned = Accepted(_loop.Assign(escalated, Member, "community-1-lead", T0.AddHours(3)));

        var lapsed = _loop.ApplyDeadlines(reassigned, T0.AddHours(7));

        Assert.Equal(HelpRequestState.Assigned, reassigned.Stage);
        Assert.Equal(1, reassigned.EscalationLevel);
        Assert.Equal(("district-1", HelpRequestState.Assigned), (lapsed.EscalatedTo, lapsed.EscalatedFrom));
    }

    [Fact]
    public void OnlyTheOwnerStartsAndResolves()
    {
        var assigned = Accepted(_loop.Assign(Open(BasicFunction.CareAssistance), Member, "staff-1", T0));

        var refused = _loop.Start(assigned, "someone-else", T0.AddMinutes(5));

        Assert.Contains("Only the owner", refused.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void StagesCannotBeSkipped()
    {
        var assigned = Accepted(_loop.Assign(Open(BasicFunction.CareAssistance), Member, "staff-1", T0));

        Assert.False(_loop.Resolve(assigned, Member.Id, T0.AddHours(1)).Accepted);
        Assert.False(_loop.Rate(assigned, 4, "resident", T0.AddHours(1)).Accepted);
    }

    [Fact]
    public void ResolvedRequestClosesUnratedWhenTheRatingWindowPasses()
    {
        var ticket = Accepted(_loop.Resolve(
            Accepted(_loop.Start(Accepted(_loop.Assign(Open(BasicFunction.CareAssistance), Member, "staff-1", T0)), Member.Id, T0)), Member.Id, T0.AddHours(5)));

        var closed = _loop.ApplyDeadlines(ticket, T0.AddHours(5).AddDays(7));

        Assert.Equal((HelpRequestState.Closed, (int?)null, 0), (closed.Stage, closed.Rating, closed.EscalationLevel));
        Assert.True(closed.ResolvedOnTime);
        Assert.False(_loop.Rate(closed, 5, "resident", T0.AddDays(8)).Accepted);
    }

    [Fact]
    public void RatingMustBeOneToFive()
    {
        var resolved = Accepted(_loop.Resolve(
            Accepted(_loop.Start(Accepted(_loop.Assign(Open(BasicFunction.CareAssistance), Member, "staff-1", T0)), Member.Id, T0)), Member.Id, T0));

        Assert.False(_loop.Rate(resolved, 0, "resident", T0).Accepted);
        Assert.False(_loop.Rate(resolved, 6, "resident", T0).Accepted);
    }

    [Fact]
    public void EscalationChainIsEveryLevelAboveTheCenterUpToTheDistrict()
    {
        Assert.Equal(["s", "d"], EscalationChain.For([("c", CenterLevel.Community), ("s", CenterLevel.Street), ("d", CenterLevel.District)]));
        Assert.Equal(["c", "s", "d"], EscalationChain.For([("r", CenterLevel.RedSailStation), ("c", CenterLevel.Community), ("s", CenterLevel.Street), ("d", CenterLevel.District)]));
        Assert.Equal(["d"], EscalationChain.For([("s", CenterLevel.Street), ("d", CenterLevel.District)]));
        Assert.Equal(["d"], EscalationChain.For([("d", CenterLevel.District)]));
    }

    [Fact]
    public void ReassigningAnOverdueRequestDoesNotTakeItOutOfTheOnTimeFigure()
    {
        var overdue = _loop.ApplyDeadlines(Open(BasicFunction.CareAssistance), T0.AddHours(2));
        var reassigned = Accepted(_loop.Assign(overdue, Member, "staff:community-1-lead", T0.AddHours(3)));

        var tally = ClosedLoopStatistics.Tally([reassigned], T0.AddHours(3));
        var rows = ClosedLoopStatistics.Compute([reassigned], T0.AddHours(3));

        Assert.Equal(new HelpRequestTally(0, 0, 1), tally);
        Assert.Equal(1, rows.Single().OverdueNow);
    }

    [Fact]
    public void ARequestOpenedByStaffForAResidentRecordsBoth()
    {
        var ticket = _loop.Open("r9", "community-1", ["street-1"], BasicFunction.CareAssistance, "代居民登记", "staff:wang.li", T0, personId: "resident-7");

        Assert.Equal(("staff:wang.li", "resident-7"), (ticket.RaisedBy, ticket.PersonId));
        Assert.Equal("staff:wang.li", ticket.History[0].Actor);
    }

    [Fact]
    public void StatisticsCountOverdueAndTimeToCloseAndFeedTheRatingTally()
    {
        var onTime = Accepted(_loop.Resolve(Accepted(_loop.Start(Accepted(_loop.Assign(Open(BasicFunction.CareAssistance, "r1"), Member, "s", T0)), Member.Id, T0)), Member.Id, T0.AddHours(10)));
        var late = Accepted(_loop.Resolve(_loop.ApplyDeadlines(Accepted(_loop.Start(Accepted(_loop.Assign(Open(BasicFunction.CareAssistance, "r2"), Member, "s", T0)), Member.Id, T0)), T0.AddDays(3)), Member.Id, T0.AddHours(80)));
        var overdue = Open(BasicFunction.CareAssistance, "r3");
        var fresh = Open(BasicFunction.ConvenienceServices, "r4") with { RaisedAt = T0.AddDays(4), DueAt = T0.AddDays(4).AddHours(2) };
        var now = T0.AddDays(4);

        var rows = ClosedLoopStatistics.Compute([onTime, late, overdue, fresh], now);
        var tally = ClosedLoopStatistics.Tally([onTime, late, overdue, fresh], now);

        var care = rows.Single(r => r.Function == BasicFunction.CareAssistance);
        Assert.Equal((3, 1, 1, 2, 1, 45.0), (care.Raised, care.Open, care.OverdueNow, care.Resolved, care.ResolvedOnTime, care.MedianHoursToResolve!.Value));
        Assert.Equal((1, 1, 0), (rows.Single(r => r.Function == BasicFunction.ConvenienceServices).Open, rows.Single(r => r.Function == BasicFunction.ConvenienceServices).Raised, rows.Single(r => r.Function == BasicFunction.ConvenienceServices).OverdueNow));
        Assert.Equal(new HelpRequestTally(1, 1, 1), tally);
    }

    private LoopTicket Open(BasicFunction function, string id = "r1") =>
        _loop.Open(id, "community-1", ["street-1", "district-1"], function, "楼道灯坏了", "k-001", T0);

    private static LoopTicket Accepted(LoopTransition transition)
    {
        Assert.True(transition.Accepted, transition.Refusal);
        return transition.Ticket;
    }
}
