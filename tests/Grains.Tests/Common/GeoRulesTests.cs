using Lianxin.Common;

namespace Lianxin.Grains.Tests.Common;

public sealed class GeoRulesTests
{
    [Fact]
    public void ClosedRingWithFourPointsIsValid() =>
        Assert.Null(GeoRules.CheckRing([new(0, 0), new(0, 1), new(1, 1), new(0, 0)]));

    [Fact]
    public void RingWhoseLastPointDiffersFromItsFirstIsNotClosed() =>
        Assert.Contains("not closed", GeoRules.CheckRing([new(0, 0), new(0, 1), new(1, 1), new(1, 0)]));

    [Fact]
    public void RingWithThreePointsIsTooShort() =>
        Assert.Contains("at least 4", GeoRules.CheckRing([new(0, 0), new(0, 1), new(0, 0)]));

    [Fact]
    public void RingWithAPositionOffTheGlobeIsRefused() =>
        Assert.Contains("WGS84", GeoRules.CheckRing([new(0, 0), new(95, 1), new(1, 1), new(0, 0)]));

    [Theory]
    [InlineData(27.705, 121.105, true)]
    [InlineData(27.695, 121.105, false)]
    [InlineData(27.705, 121.115, false)]
    public void ContainsTellsInsideFromOutside(double lat, double lon, bool inside)
    {
        var square = new GeoPolygon([new(27.70, 121.10), new(27.70, 121.11), new(27.71, 121.11), new(27.71, 121.10), new(27.70, 121.10)]);

        Assert.Equal(inside, GeoRules.Contains(square, new GeoPoint(lat, lon)));
    }
}
