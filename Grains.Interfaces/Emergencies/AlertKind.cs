namespace Lianxin.Emergencies;

/// <summary>What a message to a person is.</summary>
public enum AlertKind
{
    /// <summary>The launch: you are mobilized.</summary>
    Alert = 0,
    /// <summary>The level changed.</summary>
    Update = 1,
    /// <summary>You have not answered yet.</summary>
    Reminder = 2,
    /// <summary>You are asked to go to a post.</summary>
    PostAsk = 3,
    /// <summary>To a grid lead: your unaccounted people.</summary>
    Escalation = 4,
    /// <summary>Stand down, disregard: the emergency was cancelled.</summary>
    Cancel = 5,
    /// <summary>The emergency ended; thank you.</summary>
    End = 6,
    /// <summary>Thank you: enough people confirmed for your post; stand down from it.</summary>
    PostStandDown = 7,
}
