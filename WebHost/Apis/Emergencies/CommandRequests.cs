namespace Lianxin.WebHost.Apis.Emergencies;

/// <summary>Raise or lower the level of a running emergency.</summary>
public sealed record LevelRequest(string? Level, string? Comment);

/// <summary>End or cancel an emergency; a cancel needs the reason everyone is told.</summary>
public sealed record CloseRequest(string? Comment);
