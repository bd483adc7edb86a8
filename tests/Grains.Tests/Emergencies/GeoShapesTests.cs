using Lianxin.Common;
using Lianxin.Emergencies;

namespace Lianxin.Grains.Tests.Emergencies;

public sealed class GeoShapesTests
{
    private static GeoPolygon Square(double lat, double lon, double size) => new(
        [new(lat, lon), new(lat, lon + size), new(lat + size, lon + size), new(lat + size, lon), new(lat, lon)]);

    [Fact]
    public void OverlappingPolygonsIntersect() =>
        Assert.True(GeoShapes.Intersects(Square(27.70, 121.10, 0.01), Square(27.705, 121.105, 0.01)));

    [Fact]
    public void APolygonInsideAnotherIntersectsIt() =>
        Assert.True(GeoShapes.Intersects(Square(27.70, 121.10, 0.10), Square(27.72, 121.12, 0.01)));

    [Fact]
    public void CrossingPolygonsWithNoCornerInsideEachOtherIntersect()
    {
        var tall = new GeoPolygon([new(27.60, 121.14), new(27.60, 121.16), new(27.90, 121.16), new(27.90, 121.14), new(27.60, 121.14)]);
        var wide = new GeoPolygon([new(27.74, 121.00), new(27.74, 121.30), new(27.76, 121.30), new(27.76, 121.00), new(27.74, 121.00)]);

        Assert.True(GeoShapes.Intersects(tall, wide));
    }

    [Fact]
    public void DistantPolygonsDoNotIntersect() =>
        Assert.False(GeoShapes.Intersects(Square(27.70, 121.10, 0.01), Square(27.80, 121.20, 0.01)));

    [Fact]
    public void ACircleMeetsAGridWhenItReachesItsEdge()
    {
        var grid = Square(27.70, 121.10, 0.01);
        var justOutside = new GeoPoint(27.705, 121.09);

        Assert.True(GeoShapes.Intersects(grid, new GeoCircle(justOutside, 1200)));
        Assert.False(GeoShapes.Intersects(grid, new GeoCircle(justOutside, 500)));
        Assert.True(GeoShapes.Intersects(grid, new GeoCircle(new GeoPoint(27.705, 121.105), 10)));
    }

    [Fact]
    public void APointLiesInACircleWithinItsRadius()
    {
        var circle = new GeoCircle(new GeoPoint(27.70, 121.10), 1000);

        Assert.True(GeoShapes.Contains(circle, new GeoPoint(27.705, 121.10)));
        Assert.False(GeoShapes.Contains(circle, new GeoPoint(27.72, 121.10)));
    }

    [Theory]
    [InlineData(27.7, 121.1, 0)]
    [InlineData(27.7, 121.1, -5)]
    [InlineData(27.7, 121.1, 200000)]
    [InlineData(95, 121.1, 100)]
    public void AnUnusableCircleIsRefused(double lat, double lon, double radius) =>
        Assert.NotNull(GeoShapes.CheckCircle(new GeoCircle(new GeoPoint(lat, lon), radius)));

    [Fact]
    public void AReasonableCircleIsAccepted() =>
        Assert.Null(GeoShapes.CheckCircle(new GeoCircle(new GeoPoint(27.7, 121.1), 1500)));
}
