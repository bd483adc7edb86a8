using Lianxin.WebHost.Security;

namespace Lianxin.WebHost.Tests.Security;

public sealed class PersonalDataTests
{
    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("+8613812345678", "+86*******5678")]
    [InlineData("12345", "***45")]
    [InlineData("7", "*")]
    public void PhonesKeepTheirFirstThreeAndLastFourCharacters(string phone, string masked) =>
        Assert.Equal(masked, PersonalData.MaskPhone(phone));

    [Theory]
    [InlineData("110105199001011234", "110***********1234")]
    [InlineData("11010519900101123X", "110***********123X")]
    [InlineData("110105900101123", "110********1123")]
    public void IdNumbersKeepTheirFirstThreeAndLastFourCharacters(string id, string masked) =>
        Assert.Equal(masked, PersonalData.MaskIdNumber(id));

    [Theory]
    [InlineData("110105199001011234", "110***********1234")]
    [InlineData("13812345678", "138****5678")]
    [InlineData("v-00010", "v-00010")]
    [InlineData("p-browser-001", "p-browser-001")]
    [InlineData("2024001", "2024001")]
    public void KioskPersonIdsAreMaskedOnlyWhenTheyArePersonalNumbers(string personId, string shown) =>
        Assert.Equal(shown, PersonalData.MaskPersonId(personId));

    [Fact]
    public void OnlyThePersonAndTheirGridLeadSeeTheWholePhone()
    {
        Assert.True(PersonalDataViews.SeesPhone(new Caller("v1", Role.Volunteer, "v1"), "v1", "g1"));
        Assert.True(PersonalDataViews.SeesPhone(new Caller("g1", Role.GridLead, "g1"), "v1", "g1"));
        Assert.False(PersonalDataViews.SeesPhone(new Caller("v2", Role.Volunteer, "v2"), "v1", "g1"));
        Assert.False(PersonalDataViews.SeesPhone(new Caller("g2", Role.GridLead, "g2"), "v1", "g1"));
        Assert.False(PersonalDataViews.SeesPhone(new Caller("ld", Role.Operator, "ld"), "v1", "g1"));
        Assert.False(PersonalDataViews.SeesPhone(new Caller("ld", Role.Auditor, "ld"), "v1", "g1"));
        Assert.False(PersonalDataViews.SeesPhone(new Caller("c1", Role.Staff, "c1"), "v1", "g1"));
    }
}
