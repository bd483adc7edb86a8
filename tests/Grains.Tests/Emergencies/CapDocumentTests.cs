using System.Xml.Linq;
using Lianxin.Common;
using Lianxin.Emergencies;
using Lianxin.TestSupport;

namespace Lianxin.Grains.Tests.Emergencies;

public sealed class CapDocumentTests
{
    private static readonly XNamespace Cap = CapDocumentBuilder.Cap;
    private static readonly DateTimeOffset Sent = new(2026, 7, 1, 0, 30, 15, 123, TimeSpan.Zero);

    private static readonly GeoPolygon Area = new(
        [new(27.70, 121.10), new(27.70, 121.12), new(27.72, 121.12), new(27.72, 121.10), new(27.70, 121.10)]);

    private static IReadOnlyList<CapDocument> Chain(LaunchCommand launch, params AlertKind[] kinds) =>
        CapDocumentBuilder.BuildChain(
            new EmergencyDefinition("em-test", launch, Sent, "fp"),
            [.. kinds.Select((k, i) => new CapMessage(k, Sent.AddMinutes(i), EmergencyLevel.Orange, "标题", "内容", k == AlertKind.Alert ? "前往岗位" : null))],
            ["grid-1", "grid-2"], "command@lianxin.example", TimeSpan.FromHours(8));

    private static XElement Root(CapDocument document) => XDocument.Parse(document.Xml).Root!;

    [Fact]
    public void AnAlertUpdateAndCancelChainIsValidCap12()
    {
        var chain = Chain(Launches.Command(Launches.Polygon(Area, "district")), AlertKind.Alert, AlertKind.Update, AlertKind.Cancel);

        Assert.All(chain, document => Assert.Empty(CapSchema.Errors(document.Xml)));
        Assert.Equal(["Alert", "Update", "Cancel"], chain.Select(d => Root(d).Element(Cap + "msgType")!.Value));
    }

    [Fact]
    public void ACircleScopeAndAGridScopeAreValidCap12()
    {
        var circle = Chain(Launches.Command(Launches.Circle(new GeoPoint(27.7, 121.1), 2500, "district")), AlertKind.Alert, AlertKind.End);
        var grids = Chain(Launches.Command(Launches.Grids("grid-1", "grid-2"), EmergencyMode.Test), AlertKind.Alert);

        Assert.All(circle.Concat(grids), document => Assert.Empty(CapSchema.Errors(document.Xml)));
        Assert.Equal("27.7,121.1 2.5", Root(circle[0]).Descendants(Cap + "circle").Single().Value);
    }

    [Fact]
    public void ATeamScopeIsValidCap12AndNamesTheTeams()
    {
        var chain = Chain(Launches.Command(new EmergencyScope(ScopeKind.Teams, ["team-pioneers", "team-rescue"])), AlertKind.Alert, AlertKind.Cancel);

        Assert.All(chain, document => Assert.Empty(CapSchema.Errors(document.Xml)));
        var area = Root(chain[0]).Descendants(Cap + "area").Single();
        Assert.Equal("志愿服务队：team-pioneers、team-rescue（队员分布于2个网格）", area.Element(Cap + "areaDesc")!.Value);
        Assert.Equal(["grid-1", "grid-2"], area.Elements(Cap + "geocode").Select(g => g.Element(Cap + "value")!.Value));
    }

    [Fact]
    public void UpdatesAndCancelsReferenceEveryEarlierMessageAndShareTheIncident()
    {
        var chain = Chain(Launches.Command(Launches.Grids("grid-1")), AlertKind.Alert, AlertKind.Update, AlertKind.Cancel);

        Assert.Null(Root(chain[0]).Element(Cap + "references"));
        Assert.Equal(
            "command@lianxin.example,lianxin.em-test.1,2026-07-01T08:30:15+08:00 command@lianxin.example,lianxin.em-test.2,2026-07-01T08:31:15+08:00",
            Root(chain[2]).Element(Cap + "references")!.Value);
        Assert.All(chain, d => Assert.Equal("em-test", Root(d).Element(Cap + "incidents")!.Value));
    }

    [Fact]
    public void TheModeDecidesTheStatusAndADrillSaysSoInANote()
    {
        var drill = Root(Chain(Launches.Command(Launches.Grids("grid-1"), EmergencyMode.Exercise), AlertKind.Alert)[0]);
        var actual = Root(Chain(Launches.Command(Launches.Grids("grid-1")), AlertKind.Alert)[0]);

        Assert.Equal("Exercise", drill.Element(Cap + "status")!.Value);
        Assert.Contains("演练", drill.Element(Cap + "note")!.Value);
        Assert.Equal("Actual", actual.Element(Cap + "status")!.Value);
        Assert.Null(actual.Element(Cap + "note"));
    }

    [Fact]
    public void InfoIsChineseGradedByLevelWithPolygonAndGridGeocodes()
    {
        var alert = Root(Chain(Launches.Command(Launches.Polygon(Area, "district")), AlertKind.Alert)[0]);
        var info = alert.Element(Cap + "info")!;

        Assert.Equal("zh-CN", info.Element(Cap + "language")!.Value);
        Assert.Equal(["Immediate", "Severe", "Likely"], new[] { "urgency", "severity", "certainty" }.Select(n => info.Element(Cap + n)!.Value));
        Assert.Equal("Met", info.Element(Cap + "category")!.Value);
        Assert.Equal("27.7,121.1 27.7,121.12 27.72,121.12 27.72,121.1 27.7,121.1", info.Descendants(Cap + "polygon").Single().Value);
        Assert.Equal(["grid-1", "grid-2"], info.Descendants(Cap + "geocode").Select(g => g.Element(Cap + "value")!.Value));
        Assert.Contains(info.Elements(Cap + "parameter"), p => p.Element(Cap + "valueName")!.Value == "approver" && p.Element(Cap + "value")!.Value == "operator-1");
    }

    [Fact]
    public void ACancelSaysAllClear()
    {
        var cancel = Root(Chain(Launches.Command(Launches.Grids("grid-1")), AlertKind.Alert, AlertKind.Cancel)[1]);

        Assert.Equal("AllClear", cancel.Descendants(Cap + "responseType").Single().Value);
    }

    [Theory]
    [InlineData(8, "2026-07-01T08:30:15+08:00")]
    [InlineData(0, "2026-07-01T00:30:15-00:00")]
    [InlineData(-5, "2026-06-30T19:30:15-05:00")]
    public void CapTimesHaveSecondsAndAnExplicitOffsetNeverZ(int hours, string expected) =>
        Assert.Equal(expected, CapMapping.Time(Sent, TimeSpan.FromHours(hours)));
}
