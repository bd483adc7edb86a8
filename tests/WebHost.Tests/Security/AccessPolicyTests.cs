using Lianxin.WebHost.Security;

namespace Lianxin.WebHost.Tests.Security;

public sealed class AccessPolicyTests
{
    private static readonly AccessTarget Person = new(["c-1", "street-1", "district"], "grid-1", "v-1");

    [Theory]
    [InlineData(Role.Operator, "district", true)]
    [InlineData(Role.Operator, "street-2", false)]
    [InlineData(Role.Auditor, "street-1", true)]
    [InlineData(Role.Staff, "c-1", true)]
    [InlineData(Role.Staff, "c-2", false)]
    [InlineData(Role.GridLead, "grid-1", true)]
    [InlineData(Role.GridLead, "grid-2", false)]
    [InlineData(Role.Volunteer, "v-1", true)]
    [InlineData(Role.Volunteer, "v-2", false)]
    public void ReadingAPersonNeedsAScopeThatCoversThem(Role role, string scope, bool allowed) =>
        Assert.Equal(allowed, AccessPolicy.CanRead(new Caller("someone", role, scope), Person));

    [Theory]
    [InlineData(Role.Operator, "district", true)]
    [InlineData(Role.Staff, "c-1", true)]
    [InlineData(Role.Auditor, "district", false)]
    [InlineData(Role.GridLead, "grid-1", false)]
    [InlineData(Role.Volunteer, "v-1", false)]
    [InlineData(Role.Staff, "c-2", false)]
    public void OnlyOperatorsAndStaffInScopeWriteTheRegistry(Role role, string scope, bool allowed) =>
        Assert.Equal(allowed, AccessPolicy.CanWriteRegistry(new Caller("someone", role, scope), Person));
}
