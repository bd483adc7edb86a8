using Lianxin.Common;
using Lianxin.Emergencies;
using Lianxin.Grids;

namespace Lianxin.Grains.Tests.Emergencies;

public sealed class CapRulesTests
{
    private static readonly InboundRule Typhoon = new(["台风"], CapSeverity.Severe, [CapUrgency.Immediate, CapUrgency.Expected], InboundAction.Propose, EmergencyMode.Actual);

    private static string Xml(string status = "Actual", string severity = "Extreme", string urgency = "Immediate", string area = "") => $"""
        <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
          <identifier>w-1</identifier><sender>bureau@weather.example</sender><sent>2026-07-01T08:00:00+08:00</sent>
          <status>{status}</status><msgType>Update</msgType><scope>Public</scope>
          <references>bureau@weather.example,w-0,2026-07-01T07:00:00+08:00</references>
          <info><category>Met</category><event>台风红色预警</event><urgency>{urgency}</urgency><severity>{severity}</severity>
            <certainty>Likely</certainty><area><areaDesc>连岛区</areaDesc>{area}</area></info>
        </alert>
        """;

    private static InboundAlert Read(string xml)
    {
        var (alert, errors) = CapReader.Read(xml, "bureau");
        Assert.Empty(errors);
        return alert!;
    }

    private static GridSnapshot Grid(double lat, double lon) =>
        new($"g-{lat}", new GridProfile("c", "网格", new GeoPolygon([new(lat, lon), new(lat, lon + 0.01), new(lat + 0.01, lon + 0.01), new(lat + 0.01, lon), new(lat, lon)])), []);

    [Fact]
    public void TheReaderKeepsWhatRulesAndFollowUpsNeed()
    {
        var alert = Read(Xml(area: "<polygon>27.70,121.10 27.70,121.20 27.80,121.20 27.70,121.10</polygon><circle>27.75,121.15 2.5</circle>"));

        Assert.Equal(("bureau@weather.example,w-1", "Update", "台风红色预警"), (alert.Key, alert.MsgType, alert.Event));
        Assert.Equal(["bureau@weather.example,w-0"], alert.References);
        Assert.Equal((CapSeverity.Extreme, CapUrgency.Immediate), (alert.Severity, alert.Urgency));
        Assert.Equal(4, alert.Polygons.Single().Ring.Count);
        Assert.Equal(2500, alert.Circles.Single().RadiusMeters);
    }

    [Fact]
    public void SchemaViolationsAndBrokenShapesAreRefusedWithReasons()
    {
        Assert.NotEmpty(CapReader.Read(Xml(severity: "Terrible"), "bureau").Errors);
        Assert.NotEmpty(CapReader.Read(Xml(area: "<polygon>27.70,121.10 27.70,121.20</polygon>"), "bureau").Errors);
        Assert.NotEmpty(CapReader.Read("<alert>", "bureau").Errors);
    }

    [Fact]
    public void ARuleMatchesOnEventSeverityAndUrgencyAndAnExerciseOnlyStartsADrill()
    {
        Assert.Equal(EmergencyMode.Actual, CapRules.Match(Typhoon, Read(Xml())));
        Assert.Equal(EmergencyMode.Exercise, CapRules.Match(Typhoon, Read(Xml(status: "Exercise"))));
        Assert.Null(CapRules.Match(Typhoon, Read(Xml(status: "Test"))));
        Assert.Null(CapRules.Match(Typhoon, Read(Xml(severity: "Moderate"))));
        Assert.Null(CapRules.Match(Typhoon, Read(Xml(urgency: "Future"))));
        Assert.Null(CapRules.Match(Typhoon with { Events = ["暴雨"] }, Read(Xml())));
    }

    [Fact]
    public void TheAreaMustMeetOneOfTheScenariosGridsUnlessTheWarningDrawsNone()
    {
        var grids = new[] { Grid(27.70, 121.10) };

        Assert.True(CapRules.Overlaps(Read(Xml(area: "<polygon>27.705,121.105 27.705,121.2 27.8,121.2 27.705,121.105</polygon>")), grids));
        Assert.False(CapRules.Overlaps(Read(Xml(area: "<circle>30.0,120.0 1</circle>")), grids));
        Assert.True(CapRules.Overlaps(Read(Xml(area: "<geocode><valueName>lianxin:grid</valueName><value>g-27.7</value></geocode>")), grids));
        Assert.True(CapRules.Overlaps(Read(Xml()), grids));
        Assert.Equal(EmergencyLevel.Red, CapRules.Level(Typhoon, Read(Xml())));
        Assert.Equal(EmergencyLevel.Yellow, CapRules.Level(Typhoon with { Level = EmergencyLevel.Yellow }, Read(Xml())));
    }
}
