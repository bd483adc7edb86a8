namespace Lianxin.Emergencies;

/// <summary>
/// The words of an emergency's messages. A drill or a test says so at the start of every headline and text; the
/// templates cannot leave it out.
/// </summary>
public static class AlertTexts
{
    public const string ExercisePrefix = "【演练】";
    public const string TestPrefix = "【测试】";

    public static string Prefix(EmergencyMode mode) => mode switch
    {
        EmergencyMode.Exercise => ExercisePrefix,
        EmergencyMode.Test => TestPrefix,
        _ => "",
    };

    public static string LevelName(EmergencyLevel level) => level switch
    {
        EmergencyLevel.Blue => "蓝色",
        EmergencyLevel.Yellow => "黄色",
        EmergencyLevel.Orange => "橙色",
        _ => "红色",
    };

    /// <summary>Fills a template's placeholders.</summary>
    public static string Fill(string template, string name, EmergencyLevel level, string? post) =>
        template.Replace("{name}", name, StringComparison.Ordinal)
            .Replace("{level}", LevelName(level), StringComparison.Ordinal)
            .Replace("{post}", post ?? "", StringComparison.Ordinal);

    /// <summary>The headline of every message of an emergency.</summary>
    public static string Headline(LaunchCommand launch, EmergencyLevel level) =>
        Prefix(launch.Mode) + Fill(launch.Templates.Headline, launch.Name, level, null);

    /// <summary>The text of one kind of message; those that expect an answer end with the reply digits.</summary>
    public static string Text(LaunchCommand launch, AlertKind kind, EmergencyLevel level, string? postName = null)
    {
        var t = launch.Templates;
        var body = kind switch
        {
            AlertKind.Alert => $"{t.Alert}{t.Instruction}",
            AlertKind.Update => t.Update,
            AlertKind.Reminder => t.Reminder,
            AlertKind.PostAsk => t.PostAsk,
            AlertKind.Cancel => t.Cancel,
            AlertKind.End => t.End,
            AlertKind.PostStandDown => PostStandDown,
            _ => "",
        };
        var text = Prefix(launch.Mode) + Fill(body, launch.Name, level, postName);
        return ExpectsAnswer(kind) ? $"{text}（{ReplyCodes.Hint}）" : text;
    }

    /// <summary>To someone who confirmed for a post that had enough people already.</summary>
    public const string PostStandDown = "感谢您响应{name}：岗位{post}人数已满，您无需前往该岗位，请保持通讯畅通听候安排。";

    /// <summary>The stand-down text of a cancel, with the reason everyone is told.</summary>
    public static string Cancel(LaunchCommand launch, EmergencyLevel level, string? reason) =>
        Text(launch, AlertKind.Cancel, level) + (reason is { Length: > 0 } ? $"取消原因：{reason}" : "");

    /// <summary>The grid lead's "my unaccounted people" message.</summary>
    public static string Escalation(LaunchCommand launch, string gridName, int count, IReadOnlyList<string> names)
    {
        var list = names.Count == 0 ? "" : "：" + string.Join("、", names) + (count > names.Count ? " 等" : "");
        return $"{Prefix(launch.Mode)}{launch.Name}：您的网格{gridName}有{count}人尚未应答{list}。请逐一联系，并代为登记。";
    }

    public static bool ExpectsAnswer(AlertKind kind) => kind is AlertKind.Alert or AlertKind.Update or AlertKind.Reminder or AlertKind.PostAsk;
}
