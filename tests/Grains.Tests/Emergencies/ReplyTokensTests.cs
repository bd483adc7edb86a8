using Lianxin.Emergencies;

namespace Lianxin.Grains.Tests.Emergencies;

public sealed class ReplyTokensTests
{
    [Fact]
    public void ATokenIsStableForItsPersonAndEmergency()
    {
        var secret = ReplyTokens.NewSecret();

        Assert.Equal(new ReplyTokens(secret, "em-1").For("v1"), new ReplyTokens(secret, "em-1").For("v1"));
    }

    [Fact]
    public void TokensDifferPerPersonPerEmergencyAndPerSecret()
    {
        var secret = ReplyTokens.NewSecret();
        var tokens = new[]
        {
            new ReplyTokens(secret, "em-1").For("v1"),
            new ReplyTokens(secret, "em-1").For("v2"),
            new ReplyTokens(secret, "em-2").For("v1"),
            new ReplyTokens(ReplyTokens.NewSecret(), "em-1").For("v1"),
        };

        Assert.Equal(tokens.Length, tokens.Distinct().Count());
    }

    [Fact]
    public void ATokenCarries128BitsInUrlSafeCharacters()
    {
        var token = new ReplyTokens(ReplyTokens.NewSecret(), "em-1").For("v1");

        Assert.Equal(22, token.Length);
        Assert.Matches("^[A-Za-z0-9_-]+$", token);
    }

    [Fact]
    public void AShortSecretIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReplyTokens(new byte[8], "em-1"));
}
