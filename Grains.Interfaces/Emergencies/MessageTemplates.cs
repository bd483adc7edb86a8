namespace Lianxin.Emergencies;

/// <summary>
/// The texts an emergency sends. Placeholders: {name} (the emergency), {level} (红色…), {post} (a post's name).
/// Drill and test prefixes are added by the system, never left to the template.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.MessageTemplates")]
public sealed record MessageTemplates(
    [property: Id(0)] string Headline,
    [property: Id(1)] string Alert,
    [property: Id(2)] string Instruction,
    [property: Id(3)] string Update,
    [property: Id(4)] string Reminder,
    [property: Id(5)] string Cancel,
    [property: Id(6)] string End,
    [property: Id(7)] string PostAsk)
{
    /// <summary>The texts used when neither the scenario nor the launch gives any.</summary>
    public static MessageTemplates Default { get; } = new(
        "{name}",
        "{level}应急响应启动：{name}。请立即回复并按预案集结。",
        "请服从网格长指挥，前往指定岗位。",
        "{name}响应级别调整为{level}。",
        "您尚未回复{name}的动员通知，请尽快回复。",
        "{name}已取消：请停止行动，不要前往；已出发的请返回。",
        "{name}应急响应结束，感谢您的参与。",
        "请前往岗位：{post}。");
}
