using Lianxin.Common;
using Lianxin.Governance;
using Lianxin.HelpRequests;
using Xunit;

namespace Lianxin.Grains.Tests.Governance;

/// <summary>Orders on the closed loop: dispatch, reject, claims first come first served, group orders, eligibility.</summary>
public sealed class OrderLifecycleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly LoopAssignee Member = new("v-1", "王党员", IsPartyMember: true, IsThirdParty: false);
    private static readonly LoopAssignee NonMember = new("v-2", "李群众", IsPartyMember: false, IsThirdParty: false);
    private static readonly LoopAssignee Third = new("v-3", "张志愿", IsPartyMember: false, IsThirdParty: false);
    private static readonly string[] Driving = ["driving"];

    private readonly ClosedLoopLifecycle _loop = new(ClosedLoopTimeLimits.Default);

    [Fact]
    public void GroupOrderTakesExactlyTheNumberItNeedsInClaimOrderThenRunsTheLoopWithAnyClaimer()
    {
        var order = Accepted(_loop.Dispatch(Open(BasicFunction.CareAssistance), new OrderTerms([], 2, TimeSpan.FromHours(6)), "staff:s", T0.AddMinutes(5)));
        Assert.Equal((HelpRequestState.Ordered, T0.AddMinutes(5).AddHours(6)), (order.Stage, order.DueAt));

        var once = Accepted(_loop.Claim(order, NonMember, [], T0.AddMinutes(6)));
        Assert.Equal((HelpRequestState.Ordered, order.DueAt), (once.Stage, once.DueAt));
        Assert.Same(once, _loop.Claim(once, NonMember, [], T0.AddMinutes(7)).Ticket);

        var full = Accepted(_loop.Claim(once, Member, [], T0.AddMinutes(8)));
        Assert.Equal((HelpRequestState.Assigned, NonMember), (full.Stage, full.Owner));
        Assert.Equal([NonMember.Id, Member.Id], full.Order!.Claims.Select(c => c.Who.Id));

        var late = _loop.Claim(full, Third, [], T0.AddMinutes(9));
        Assert.Equal(HelpRequestRefusal.Full, late.Kind);
        Assert.Same(full, late.Ticket);

        // The second claimer records the group's steps; someone who did not claim may not.
        Assert.Equal(HelpRequestRefusal.Conflict, _loop.Start(full, Third.Id, T0.AddMinutes(10)).Kind);
        var started = Accepted(_loop.Start(full, Member.Id, T0.AddMinutes(10)));
        var resolved = Accepted(_loop.Resolve(started, Member.Id, T0.AddHours(2)));
        Assert.Equal(HelpRequestState.Rated, Accepted(_loop.Rate(resolved, 5, "resident:r", T0.AddHours(3))).Stage);
    }

    [Fact]
    public void ClaimsAreRefusedForMissingSkillsAndForNonMembersOnPartyWorkWithTheReason()
    {
        var driving = Accepted(_loop.Dispatch(Open(BasicFunction.CareAssistance), new OrderTerms(Driving, 1, TimeSpan.FromHours(1)), "staff:s", T0));
        var noSkill = _loop.Claim(driving, Member, ["first-aid"], T0);
        Assert.Equal(HelpRequestRefusal.NotEligible, noSkill.Kind);
        Assert.Contains("driving", noSkill.Refusal, StringComparison.Ordinal);
        Assert.Equal(HelpRequestState.Assigned, Accepted(_loop.Claim(driving, Member, ["Driving"], T0)).Stage);

        var party = Accepted(_loop.Dispatch(Open(BasicFunction.PartyBuilding), new OrderTerms([], 1, TimeSpan.FromHours(1)), "staff:s", T0));
        Assert.Equal(HelpRequestRefusal.PartyAffairs, _loop.Claim(party, NonMember, [], T0).Kind);
    }

    [Fact]
    public void ATeamsOrderIsClaimedOnlyByTheTeam()
    {
        var order = Accepted(_loop.Dispatch(Open(BasicFunction.VolunteerService), new OrderTerms([], 1, TimeSpan.FromHours(1), "team-1"), "staff:s", T0));
        var outsider = _loop.Claim(order, Member, [], T0, ["team-2"]);
        Assert.Equal(HelpRequestRefusal.NotEligible, outsider.Kind);
        Assert.Contains("team-1", outsider.Refusal, StringComparison.Ordinal);
        Assert.Equal(HelpRequestState.Assigned, Accepted(_loop.Claim(order, NonMember, [], T0, ["team-1"])).Stage);
    }

    [Fact]
    public void AnUnclaimedOrderEscalatesAtItsTimeLimitAndStillTakesClaims()
    {
        var order = Accepted(_loop.Dispatch(Open(BasicFunction.CareAssistance), new OrderTerms([], 1, TimeSpan.FromMinutes(30)), "staff:s", T0));
        var overdue = _loop.ApplyDeadlines(order, T0.AddMinutes(31));
        Assert.Equal((HelpRequestState.Escalated, HelpRequestState.Ordered, 1), (overdue.Stage, overdue.WorkStage, overdue.EscalationLevel));

        var taken = Accepted(_loop.Claim(overdue, Member, [], T0.AddMinutes(40)));
        Assert.Equal((HelpRequestState.Assigned, (HelpRequestState?)null), (taken.Stage, taken.EscalatedFrom));
        Assert.True(taken.IsOverdueAt(T0.AddMinutes(41)));
    }

    [Fact]
    public void RejectionEndsTheRequestWithItsReasonAndOnlyBeforeAnyClaim()
    {
        var rejected = Accepted(_loop.Reject(Open(BasicFunction.CareAssistance), "不属于服务范围", "staff:s", T0));
        Assert.Equal((HelpRequestState.Rejected, "不属于服务范围", (DateTimeOffset?)null), (rejected.Stage, rejected.Rejection, rejected.DueAt));
        Assert.True(rejected.IsFinished);
        Assert.False(rejected.IsOverdueAt(T0.AddDays(9)));
        Assert.False(_loop.Dispatch(rejected, new OrderTerms([], 1, TimeSpan.FromHours(1)), "staff:s", T0).Accepted);

        var order = Accepted(_loop.Dispatch(Open(BasicFunction.CareAssistance), new OrderTerms([], 3, TimeSpan.FromHours(1)), "staff:s", T0));
        var claimed = Accepted(_loop.Claim(order, Member, [], T0));
        Assert.Equal(HelpRequestRefusal.Conflict, _loop.Reject(claimed, "取消", "staff:s", T0).Kind);
        Assert.Equal(HelpRequestRefusal.Conflict, _loop.Assign(claimed, NonMember, "staff:s", T0).Kind);
    }

    [Fact]
    public void OnlyAnOpenRequestBecomesAnOrderAndTermsMustMakeSense()
    {
        var open = Open(BasicFunction.CareAssistance);
        Assert.Equal(HelpRequestRefusal.Invalid, _loop.Dispatch(open, new OrderTerms([], 0, TimeSpan.FromHours(1)), "staff:s", T0).Kind);
        var assigned = Accepted(_loop.Assign(open, Member, "staff:s", T0));
        Assert.Equal(HelpRequestRefusal.Conflict, _loop.Dispatch(assigned, new OrderTerms([], 1, TimeSpan.FromHours(1)), "staff:s", T0).Kind);
        Assert.Equal(HelpRequestRefusal.Conflict, _loop.Claim(open, Member, [], T0).Kind);
    }

    private LoopTicket Open(BasicFunction function) => _loop.Open("hr-1", "c-1", ["s-1", "d-1"], function, "帮老人买药", "kiosk-1", T0);

    private static LoopTicket Accepted(LoopTransition transition)
    {
        Assert.True(transition.Accepted, transition.Refusal);
        return transition.Ticket;
    }
}
