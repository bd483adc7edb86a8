namespace Lianxin.Emergencies;

/// <summary>Who a drawn shape (polygon or circle) reaches.</summary>
public enum ShapeMatch
{
    /// <summary>Everyone on the roster of every grid the shape touches.</summary>
    Grids = 0,
    /// <summary>Only the people of those grids whose registered location lies inside the shape.</summary>
    Inside = 1,
}
