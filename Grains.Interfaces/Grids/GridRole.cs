namespace Lianxin.Grids;

/// <summary>A person's place in a grid's "1+3+N" work force.</summary>
public enum GridRole
{
    /// <summary>The N: volunteers and party members of the grid.</summary>
    Member = 0,
    /// <summary>The 1: the grid lead (网格长); at most one per grid.</summary>
    Lead = 1,
    /// <summary>A full-time grid worker (专职网格员).</summary>
    FullTimeWorker = 2,
    /// <summary>A part-time grid worker (兼职网格员).</summary>
    PartTimeWorker = 3,
    /// <summary>The grid instructor (网格指导员); at most one per grid.</summary>
    Instructor = 4,
}
