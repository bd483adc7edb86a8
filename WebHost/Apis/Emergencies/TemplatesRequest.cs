using Lianxin.Emergencies;

namespace Lianxin.WebHost.Apis.Emergencies;

/// <summary>Message texts; what is left out keeps its default. Placeholders: {name}, {level}, {post}.</summary>
public sealed record TemplatesRequest(
    string? Headline, string? Alert, string? Instruction, string? Update, string? Reminder, string? Cancel, string? End, string? PostAsk)
{
    private const int MaxLength = 500;

    internal static MessageTemplates ToDomain(TemplatesRequest? request, MessageTemplates defaults, Validation v, string field) =>
        request is null
            ? defaults
            : new MessageTemplates(
                Text(v, $"{field}.headline", request.Headline, defaults.Headline),
                Text(v, $"{field}.alert", request.Alert, defaults.Alert),
                Text(v, $"{field}.instruction", request.Instruction, defaults.Instruction),
                Text(v, $"{field}.update", request.Update, defaults.Update),
                Text(v, $"{field}.reminder", request.Reminder, defaults.Reminder),
                Text(v, $"{field}.cancel", request.Cancel, defaults.Cancel),
                Text(v, $"{field}.end", request.End, defaults.End),
                Text(v, $"{field}.postAsk", request.PostAsk, defaults.PostAsk));

    private static string Text(Validation v, string field, string? value, string fallback) =>
        value is null ? fallback : v.Text(field, value, MaxLength);
}
