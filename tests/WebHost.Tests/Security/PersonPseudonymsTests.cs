using System.Text;
using Lianxin.WebHost.Security;

namespace Lianxin.WebHost.Tests.Security;

public sealed class PersonPseudonymsTests
{
    private static readonly PersonPseudonyms Pseudonyms = new(Encoding.UTF8.GetBytes("pseudonym-key-for-tests-7Gq2xV9mLp4Rt8Zw"));

    [Fact]
    public void APersonalNumberBecomesAStableKeyedPseudonymThatDoesNotContainIt()
    {
        var card = Pseudonyms.Of("11010519900101123X");

        Assert.StartsWith(PersonPseudonyms.Prefix, card, StringComparison.Ordinal);
        Assert.DoesNotContain("1101051990", card, StringComparison.Ordinal);
        Assert.Equal(card, Pseudonyms.Of("11010519900101123x"));
        Assert.Equal(Pseudonyms.Of("13812345678"), Pseudonyms.Of("+8613812345678"));
        Assert.NotEqual(card, new PersonPseudonyms(Encoding.UTF8.GetBytes("another-key-for-tests-0aB3cD5eF7gH9iJ1")).Of("11010519900101123X"));
        Assert.Matches("^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$", card);
    }

    [Fact]
    public void ARegistryIdPassesUnchanged() =>
        Assert.Equal("v-00017", Pseudonyms.Of("v-00017"));
}
