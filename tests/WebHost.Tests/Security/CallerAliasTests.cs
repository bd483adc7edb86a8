using System.Security.Claims;
using Lianxin.WebHost.Security;

namespace Lianxin.WebHost.Tests.Security;

/// <summary>A resident's aliases make the things under those ids theirs; on any other role an alias claim grants nothing.</summary>
public sealed class CallerAliasTests
{
    private static readonly AccessTarget PhonePerson = new(["c-1"], null, "pid-phone");

    [Fact]
    public void AResidentIsThePersonOfTheirScopeAndOfEachAlias()
    {
        var resident = new Caller("pid-card", Role.Resident, "pid-card") { Aliases = ["pid-phone"] };

        Assert.True(resident.IsResident("pid-card"));
        Assert.True(resident.IsResident("pid-phone"));
        Assert.True(resident.IsPerson("pid-phone"));
        Assert.False(resident.IsResident("pid-someone-else"));
        Assert.True(AccessPolicy.CanRead(resident, PhonePerson));
        Assert.False(AccessPolicy.CanRead(new Caller("pid-card", Role.Resident, "pid-card"), PhonePerson));
    }

    [Theory]
    [InlineData("resident", true)]
    [InlineData("volunteer", false)]
    [InlineData("operator", false)]
    public void AliasesAreReadFromAResidentsTokenOnly(string role, bool read)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(Caller.RoleClaim, role), new Claim(Caller.ScopeClaim, "pid-card"), new Claim(Caller.AliasClaim, "pid-phone"),
            new Claim(Caller.MethodClaim, Caller.ByIdCard),
        ], "test"));

        var caller = Caller.From(user)!;

        Assert.Equal(read, caller.SpeaksFor("pid-phone"));
        Assert.Equal(Caller.ByIdCard, caller.SignedInBy);
    }
}
