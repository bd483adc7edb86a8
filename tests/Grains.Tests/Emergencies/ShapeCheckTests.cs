using Lianxin.Common;
using Lianxin.Emergencies;

namespace Lianxin.Grains.Tests.Emergencies;

public sealed class ShapeCheckTests
{
    private static GeoPolygon Ring(params (double Lat, double Lon)[] points) => new([.. points.Select(p => new GeoPoint(p.Lat, p.Lon))]);

    [Fact]
    public void ASimpleRingWithAnAreaIsUsable() =>
        Assert.Null(ShapeCheck.Check(Ring((27.0, 121.0), (27.0, 121.1), (27.1, 121.1), (27.0, 121.0))));

    [Fact]
    public void ASelfCrossingBowTieIsRefusedWithTheReason()
    {
        var problem = ShapeCheck.Check(Ring((27.0, 121.0), (27.1, 121.1), (27.1, 121.0), (27.0, 121.1), (27.0, 121.0)));

        Assert.Contains("crosses itself", problem);
    }

    [Fact]
    public void AZeroAreaRingIsRefused() =>
        Assert.NotNull(ShapeCheck.Check(Ring((27.0, 121.0), (27.05, 121.05), (27.1, 121.1), (27.0, 121.0))));

    [Fact]
    public void AnOpenRingIsRefused() =>
        Assert.Contains("repeated", ShapeCheck.Check(Ring((27.0, 121.0), (27.0, 121.1), (27.1, 121.1), (27.1, 121.0))));
}
