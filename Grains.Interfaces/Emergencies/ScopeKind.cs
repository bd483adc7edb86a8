namespace Lianxin.Emergencies;

/// <summary>How an emergency's audience is named.</summary>
public enum ScopeKind
{
    /// <summary>The rosters of listed grids.</summary>
    Grids = 0,
    /// <summary>Listed centers with their subtrees.</summary>
    Centers = 1,
    /// <summary>One region: a district or street center with everything below it.</summary>
    Region = 2,
    /// <summary>The grids whose boundary meets a drawn polygon.</summary>
    Polygon = 3,
    /// <summary>The grids whose boundary meets a drawn circle.</summary>
    Circle = 4,
    /// <summary>The leaders and members of listed volunteer teams (党建+志愿服务队), wherever they live.</summary>
    Teams = 5,
}
