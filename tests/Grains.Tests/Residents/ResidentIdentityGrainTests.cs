using Lianxin.Residents;

namespace Lianxin.Grains.Tests.Residents;

/// <summary>
/// The identity actors keep a link consistent on both sides: the phone names its card, the card lists its phone, a
/// repeated link answers the same, a phone taken by another card is refused, and a link left half-undone is repaired.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ResidentIdentityGrainTests(ClusterFixture fixture)
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    private IResidentIdentityGrain Of(string name) => fixture.Grains.GetGrain<IResidentIdentityGrain>($"pid-{name}-{_run}");

    private string Id(string name) => $"pid-{name}-{_run}";

    [Fact]
    public async Task ALinkIsRecordedOnBothSidesAndRepeatingItAnswersTheSame()
    {
        var first = await Of("card").LinkPhoneAsync(Id("phone"));
        var again = await Of("card").LinkPhoneAsync(Id("phone"));

        Assert.Equal(PhoneLinkOutcome.Linked, first.Outcome);
        Assert.Equal(PhoneLinkOutcome.AlreadyLinked, again.Outcome);
        Assert.Equal([Id("phone")], again.Identity.Phones);
        Assert.Equal(Id("card"), (await Of("phone").GetAsync()).Card);
    }

    [Fact]
    public async Task APhoneLinkedToAnotherCardIsRefusedAndNeitherCardChanges()
    {
        await Of("card-a").LinkPhoneAsync(Id("phone"));

        var refused = await Of("card-b").LinkPhoneAsync(Id("phone"));

        Assert.Equal(PhoneLinkOutcome.LinkedToAnotherCard, refused.Outcome);
        Assert.Empty((await Of("card-b").GetAsync()).Phones);
        Assert.Equal([Id("phone")], (await Of("card-a").GetAsync()).Phones);
        Assert.Equal(Id("card-a"), (await Of("phone").GetAsync()).Card);
    }

    [Fact]
    public async Task ACardWhosePhoneWasReleasedHalfwayDropsItOnTheNextReadAndLinksAgain()
    {
        await Of("card").LinkPhoneAsync(Id("phone"));
        // As if an unlink stopped after the phone released the card and before the card wrote its list.
        await Of("phone").DetachFromCardAsync(Id("card"));

        var read = await Of("card").GetAsync();
        var relinked = await Of("card").LinkPhoneAsync(Id("phone"));

        Assert.Empty(read.Phones);
        Assert.Equal(PhoneLinkOutcome.Linked, relinked.Outcome);
        Assert.Equal(Id("card"), (await Of("phone").GetAsync()).Card);
    }

    [Fact]
    public async Task UnlinkingReleasesThePhoneSoAnotherCardMayTakeIt()
    {
        await Of("card-a").LinkPhoneAsync(Id("phone"));

        var unlinked = await Of("card-a").UnlinkPhonesAsync();
        var nothingLeft = await Of("card-a").UnlinkPhonesAsync();
        var taken = await Of("card-b").LinkPhoneAsync(Id("phone"));

        Assert.Equal(PhoneLinkOutcome.Unlinked, unlinked.Outcome);
        Assert.Equal(PhoneLinkOutcome.NotLinked, nothingLeft.Outcome);
        Assert.Equal(PhoneLinkOutcome.Linked, taken.Outcome);
        Assert.Equal(Id("card-b"), (await Of("phone").GetAsync()).Card);
    }
}
