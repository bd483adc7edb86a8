using Lianxin.Residents;

namespace Lianxin.Grains.Tests.Residents;

/// <summary>The rules of sign-in codes: single use, expiry, bounded wrong attempts, a new code replacing the old, only a hash kept.</summary>
public sealed class OneTimeCodesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheRightCodeWorksOnceAndOnlyItsHashIsKept()
    {
        var state = new SignInCodeState();
        OneTimeCodes.Issue(state, "042917", Now.AddMinutes(5));

        var hash = state.Hash!.ToArray();
        var first = OneTimeCodes.Check(state, "042917", Now.AddMinutes(1), maxAttempts: 5);
        var second = OneTimeCodes.Check(state, "042917", Now.AddMinutes(1), maxAttempts: 5);

        Assert.NotEqual("042917"u8.ToArray(), hash);
        Assert.Equal(SignInCodeOutcome.Verified, first.Outcome);
        Assert.Equal(SignInCodeOutcome.NoCode, second.Outcome);
    }

    [Fact]
    public void ACodeIsRefusedFromTheMomentItExpires()
    {
        var state = new SignInCodeState();
        OneTimeCodes.Issue(state, "042917", Now.AddMinutes(5));

        var late = OneTimeCodes.Check(state, "042917", Now.AddMinutes(5), maxAttempts: 5);

        Assert.Equal(SignInCodeOutcome.Expired, late.Outcome);
        Assert.Null(state.Hash);
    }

    [Fact]
    public void WrongAnswersCountDownAndTheLastOneWithdrawsTheCode()
    {
        var state = new SignInCodeState();
        OneTimeCodes.Issue(state, "042917", Now.AddMinutes(5));

        var answers = Enumerable.Range(0, 3).Select(_ => OneTimeCodes.Check(state, "111111", Now, maxAttempts: 3)).ToList();
        var right = OneTimeCodes.Check(state, "042917", Now, maxAttempts: 3);

        Assert.Equal([(SignInCodeOutcome.Wrong, 2), (SignInCodeOutcome.Wrong, 1), (SignInCodeOutcome.AttemptsUsed, 0)], answers.Select(a => (a.Outcome, a.AttemptsLeft)));
        Assert.Equal(SignInCodeOutcome.NoCode, right.Outcome);
    }

    [Fact]
    public void ANewCodeReplacesTheOldAndStartsItsAttemptsAfresh()
    {
        var state = new SignInCodeState();
        OneTimeCodes.Issue(state, "042917", Now.AddMinutes(5));
        OneTimeCodes.Check(state, "111111", Now, maxAttempts: 3);

        OneTimeCodes.Issue(state, "538106", Now.AddMinutes(5));
        var old = OneTimeCodes.Check(state, "042917", Now, maxAttempts: 3);
        var fresh = OneTimeCodes.Check(state, "538106", Now, maxAttempts: 3);

        Assert.Equal((SignInCodeOutcome.Wrong, 2), (old.Outcome, old.AttemptsLeft));
        Assert.Equal(SignInCodeOutcome.Verified, fresh.Outcome);
    }
}
