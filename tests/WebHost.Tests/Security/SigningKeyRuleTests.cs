using Lianxin.WebHost.Security;

namespace Lianxin.WebHost.Tests.Security;

public sealed class SigningKeyRuleTests
{
    [Theory]
    [InlineData("change-me-to-a-random-string-of-at-least-32-characters")]
    [InlineData("PLACEHOLDER-signing-key-for-the-lianxin-web-hosts-x")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("abcabcabcabcabcabcabcabcabcabcabcabc")]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("12345678901234567890123456789012")]
    [InlineData("short-but-random-7Gq2")]
    public void PlaceholderShortAndGuessableKeysAreRefusedOutsideDevelopment(string key) =>
        Assert.NotNull(SigningKeyRule.Problem(key, development: false));

    [Theory]
    [InlineData("a61b9d19842d6021afe2b06f8288c886")]
    [InlineData("eF7WQvbqFjz0f/m8FKoNzD/gLAs5SksK")]
    [InlineData("bf870bb4fbe97432cccf1b7e83135be985075ca247954066bea3c51bf9124238")]
    public void GeneratedKeysAreAccepted(string key) =>
        Assert.Null(SigningKeyRule.Problem(key, development: false));

    [Fact]
    public void DevelopmentAcceptsAnyKeyLongEnoughButNotAShortOne()
    {
        Assert.Null(SigningKeyRule.Problem("change-me-to-a-random-string-of-at-least-32-characters", development: true));
        Assert.NotNull(SigningKeyRule.Problem("change-me", development: true));
    }
}
