using Lianxin.Residents;

namespace Lianxin.Grains.Tests.Residents;

/// <summary>The rules of linking a phone to an ID card: first card wins the phone until it releases it, a card takes one phone, stale links drop.</summary>
public sealed class PhoneLinksTests
{
    [Fact]
    public void APhoneTakesTheFirstCardAndAnswersItToEveryOther()
    {
        var phone = new ResidentIdentityState();

        var first = PhoneLinks.Attach(phone, "pid-card-a");
        var again = PhoneLinks.Attach(phone, "pid-card-a");
        var other = PhoneLinks.Attach(phone, "pid-card-b");

        Assert.Equal(["pid-card-a", "pid-card-a", "pid-card-a"], [first, again, other]);
        Assert.Equal("pid-card-a", phone.Card);
    }

    [Fact]
    public void OnlyItsOwnCardReleasesAPhone()
    {
        var phone = new ResidentIdentityState { Card = "pid-card-a" };

        var byOther = PhoneLinks.Detach(phone, "pid-card-b");
        var byOwn = PhoneLinks.Detach(phone, "pid-card-a");

        Assert.False(byOther);
        Assert.True(byOwn);
        Assert.Null(phone.Card);
    }

    [Fact]
    public void ACardAdmitsOnePhoneAndAnswersTheSameForItAgain()
    {
        var card = new ResidentIdentityState();

        var first = PhoneLinks.Admit(card, "pid-phone-1");
        var same = PhoneLinks.Admit(card, "pid-phone-1");
        var second = PhoneLinks.Admit(card, "pid-phone-2");

        Assert.Null(first);
        Assert.Equal(PhoneLinkOutcome.AlreadyLinked, same);
        Assert.Equal(PhoneLinkOutcome.CardHasPhones, second);
        Assert.Equal(["pid-phone-1"], card.Phones);
    }

    [Fact]
    public void ACardDropsThePhonesThatDenyIt()
    {
        var card = new ResidentIdentityState { Phones = ["pid-phone-1", "pid-phone-2", "pid-phone-3"] };

        var dropped = PhoneLinks.Confirm(card, "pid-card-a", ["pid-card-a", null, "pid-card-b"]);
        var droppedAgain = PhoneLinks.Confirm(card, "pid-card-a", ["pid-card-a"]);

        Assert.True(dropped);
        Assert.False(droppedAgain);
        Assert.Equal(["pid-phone-1"], card.Phones);
    }
}
