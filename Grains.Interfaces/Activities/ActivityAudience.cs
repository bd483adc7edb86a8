namespace Lianxin.Activities;

/// <summary>Who may sign up for an activity. Party-building activities admit party members only, whatever this says.</summary>
public enum ActivityAudience
{
    /// <summary>Anyone, residents included.</summary>
    Everyone = 0,
    /// <summary>Party members only.</summary>
    PartyMembers = 1,
    /// <summary>The people of one grid (its roster).</summary>
    Grid = 2,
    /// <summary>Registered volunteers and party members.</summary>
    Volunteers = 3,
    /// <summary>The leader and members of one volunteer team (党建+志愿服务队).</summary>
    Team = 4,
}
