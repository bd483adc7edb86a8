using Lianxin.Emergencies;

namespace Lianxin.Grains.Tests.Emergencies;

public sealed class StatusRulesTests
{
    [Theory]
    [InlineData(RollCallStatus.Acknowledged, true)]
    [InlineData(RollCallStatus.EnRoute, true)]
    [InlineData(RollCallStatus.AtPost, true)]
    [InlineData(RollCallStatus.Unavailable, true)]
    [InlineData(RollCallStatus.NeedHelp, true)]
    [InlineData(RollCallStatus.Unknown, false)]
    [InlineData(RollCallStatus.Notified, false)]
    public void OnlyAnswersMayBeRepliedAndTheyAccountForThePerson(RollCallStatus status, bool isReply)
    {
        Assert.Equal(isReply, StatusRules.IsReply(status));
        Assert.Equal(isReply, StatusRules.IsAccounted(status));
        Assert.Equal(!isReply, StatusRules.NeedsReminder(status));
    }

    [Fact]
    public void CannotComeAndNeedHelpDeclineAnAskAndTheOtherAnswersAcceptIt()
    {
        Assert.False(StatusRules.AcceptsAsk(RollCallStatus.Unavailable));
        Assert.False(StatusRules.AcceptsAsk(RollCallStatus.NeedHelp));
        Assert.True(StatusRules.AcceptsAsk(RollCallStatus.Acknowledged));
        Assert.True(StatusRules.AcceptsAsk(RollCallStatus.EnRoute));
        Assert.True(StatusRules.AcceptsAsk(RollCallStatus.AtPost));
        Assert.False(StatusRules.AcceptsAsk(RollCallStatus.Notified));
        Assert.False(StatusRules.MayBeAsked(RollCallStatus.NeedHelp));
    }

    [Theory]
    [InlineData("1", RollCallStatus.Acknowledged)]
    [InlineData(" 2 ", RollCallStatus.EnRoute)]
    [InlineData("3", RollCallStatus.AtPost)]
    [InlineData("4", RollCallStatus.Unavailable)]
    [InlineData("5", RollCallStatus.NeedHelp)]
    public void ADigitReplyStandsForAStatus(string text, RollCallStatus expected)
    {
        Assert.True(ReplyCodes.TryParse(text, out var status));
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("yes")]
    [InlineData(null)]
    public void AnythingElseIsNotADigitReply(string? text) => Assert.False(ReplyCodes.TryParse(text, out _));
}
