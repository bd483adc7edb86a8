using Lianxin.Emergencies;

namespace Lianxin.Grains.Tests.Emergencies;

public sealed class AlertTextsTests
{
    public static TheoryData<AlertKind> Kinds => [.. Enum.GetValues<AlertKind>().Where(k => k != AlertKind.Escalation)];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryMessageOfADrillSaysDrill(AlertKind kind)
    {
        var drill = Launches.Command(Launches.Grids("g1"), EmergencyMode.Exercise);

        Assert.StartsWith("【演练】", AlertTexts.Text(drill, kind, EmergencyLevel.Red, "堤坝"));
        Assert.StartsWith("【演练】", AlertTexts.Headline(drill, EmergencyLevel.Red));
        Assert.StartsWith("【演练】", AlertTexts.Escalation(drill, "一网格", 3, ["张三"]));
    }

    [Fact]
    public void ATemplateCannotDropTheDrillMark()
    {
        var drill = Launches.Command(Launches.Grids("g1"), EmergencyMode.Exercise) with
        {
            Templates = MessageTemplates.Default with { Headline = "真实撤离！" },
        };

        Assert.Equal("【演练】真实撤离！", AlertTexts.Headline(drill, EmergencyLevel.Red));
    }

    [Fact]
    public void ARealAlertCarriesNoMarkAndFillsNameLevelAndPost()
    {
        var actual = Launches.Command(Launches.Grids("g1"));

        var text = AlertTexts.Text(actual, AlertKind.PostAsk, EmergencyLevel.Red, "东堤");

        Assert.DoesNotContain("演练", text);
        Assert.Contains("东堤", text);
        Assert.Contains("红色", AlertTexts.Text(actual, AlertKind.Update, EmergencyLevel.Red));
    }

    [Fact]
    public void MessagesThatExpectAnAnswerEndWithTheReplyDigits()
    {
        var actual = Launches.Command(Launches.Grids("g1"));

        Assert.Contains(ReplyCodes.Hint, AlertTexts.Text(actual, AlertKind.Alert, EmergencyLevel.Red));
        Assert.DoesNotContain(ReplyCodes.Hint, AlertTexts.Text(actual, AlertKind.Cancel, EmergencyLevel.Red));
    }

    [Fact]
    public void AnEscalationNamesTheFirstPeopleAndSaysThereAreMore()
    {
        var text = AlertTexts.Escalation(Launches.Command(Launches.Grids("g1")), "一网格", 12, ["张三", "李四"]);

        Assert.Contains("12人", text);
        Assert.Contains("张三、李四 等", text);
    }
}
