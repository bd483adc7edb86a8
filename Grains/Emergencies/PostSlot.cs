namespace Lianxin.Emergencies;

/// <summary>One post of an emergency: its definition, its ordered reserve list, and everyone asked for it.</summary>
internal sealed class PostSlot(PostDefinition definition)
{
    public PostDefinition Definition { get; } = definition;

    public string Id => Definition.Id;

    /// <summary>Null until the reserve is settled (at launch, after the first messages reveal people's skills).</summary>
    public IReadOnlyList<string>? Reserve { get; set; }

    public List<PostAsk> Asks { get; } = [];

    public HashSet<string> Asked { get; } = new(StringComparer.Ordinal);

    /// <summary>The skills of the post's mix each reserve person has (posts with a skill mix only).</summary>
    public IReadOnlyDictionary<string, string[]> MixSkills { get; set; } = new Dictionary<string, string[]>(StringComparer.Ordinal);

    /// <summary>The latest wave sent (posts filled in waves) and when it times out.</summary>
    public int Wave { get; set; }

    public DateTimeOffset? WaveDeadline { get; set; }

    public bool InWaves => Definition.Filling == PostFilling.Waves;
}
