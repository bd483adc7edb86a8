using Lianxin.Common;
using Lianxin.Emergencies;

namespace Lianxin.Grains.Tests.Emergencies;

/// <summary>A post of 3 "of them 1 medic", filled in waves, played out on the pure board as the emergency does.</summary>
public sealed class WaveRulesTests
{
    private static readonly DateTimeOffset Start = new(2026, 7, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private readonly RollCall _rollCall = new();
    private readonly PostBoard _board;
    private readonly PostSlot _slot;
    private long _sequence;

    public WaveRulesTests()
    {
        foreach (var person in new[] { "p1", "p2", "p3", "p4", "p5", "m1", "m2" })
        {
            _rollCall.Target(person, "g1");
        }

        var post = new PostDefinition("aid", "救护点", 3, [], [], 1, Filling: PostFilling.Waves, SkillMix: [new SkillNeed("medical", 1)]);
        _board = new PostBoard([post]);
        _slot = _board.Find("aid")!;
        _slot.Reserve = ["p1", "p2", "m1", "p3", "p4", "m2", "p5"];
        _slot.MixSkills = new Dictionary<string, string[]> { ["m1"] = ["medical"], ["m2"] = ["medical"] };
    }

    /// <summary>Sends the wave the post needs now, as the emergency does: skill places first, then general ones.</summary>
    private List<string> SendWave(DateTimeOffset now)
    {
        var need = WaveRules.Shortfall(_slot, _rollCall);
        var (wave, deadline) = WaveRules.NextWave(_slot, _rollCall, now, Timeout);
        var asked = new List<string>();
        foreach (var (skill, count) in need.BySkill)
        {
            asked.AddRange(_board.NextCandidates(_slot, _rollCall, new HashSet<string>(), count, v => WaveRules.Has(_slot, v, skill)));
            asked.ForEach(v => _board.RecordAsk("aid", v, ++_sequence, now, deadline, wave));
        }

        var general = _board.NextCandidates(_slot, _rollCall, new HashSet<string>(), need.General);
        foreach (var v in general)
        {
            _board.RecordAsk("aid", v, ++_sequence, now, deadline, wave);
        }

        return [.. asked, .. general];
    }

    private void TimeOut(DateTimeOffset now)
    {
        foreach (var (_, ask) in _board.Overdue(now, _rollCall).ToList())
        {
            _board.RecordExpiry("aid", ask.VolunteerId);
        }
    }

    private void Answer(string person, RollCallStatus status) =>
        _rollCall.Apply(new StatusChange(++_sequence, person, status, Start, RollCallChannel.App, person, false, null, null));

    private PostRollCall Summary => PostBoard.Summarize(_slot, _rollCall);

    [Fact]
    public void TheFirstWaveAsksTheWholeQuotaWithTheSkillPlacesFromPeopleWithTheSkill()
    {
        var asked = SendWave(Start);

        Assert.Equal(["m1", "p1", "p2"], asked);
        Assert.Equal((1, 3, 0), (Summary.Wave, Summary.Pending, Summary.Confirmed));
    }

    [Fact]
    public void EachTimeoutSendsTheNextWaveForThePlacesStillOpen()
    {
        SendWave(Start);
        Answer("p1", RollCallStatus.EnRoute);

        TimeOut(Start + Timeout);
        var second = SendWave(Start + Timeout);

        Assert.Equal(["m2", "p3"], second);
        Assert.Equal((2, 1, 2), (Summary.Wave, Summary.Confirmed, Summary.Pending));
        Assert.Equal(Start + Timeout + Timeout, Summary.WaveDeadline);
    }

    [Fact]
    public void ADeclineIsReplacedWithinTheOpenWave()
    {
        SendWave(Start);

        Answer("p2", RollCallStatus.Unavailable);
        var replacement = SendWave(Start.AddMinutes(1));

        Assert.Equal(["p3"], replacement);
        Assert.Equal(1, Summary.Wave);
    }

    [Fact]
    public void LateConfirmationsCountAndThoseBeyondThePlacesAreSurplus()
    {
        SendWave(Start);
        TimeOut(Start + Timeout);
        SendWave(Start + Timeout);

        Answer("p3", RollCallStatus.Acknowledged);
        Answer("p1", RollCallStatus.Acknowledged);
        Answer("m2", RollCallStatus.EnRoute);
        Answer("p2", RollCallStatus.AtPost);
        Answer("m1", RollCallStatus.EnRoute);
        var fill = WaveRules.Assign(_slot, _rollCall);

        Assert.Equal(["p3", "p1", "m2"], fill.Confirmed);
        Assert.Equal(["p2", "m1"], fill.Surplus);
        Assert.Equal(0, WaveRules.Shortfall(_slot, _rollCall).Total);
    }

    [Fact]
    public void WithoutAMedicTheGeneralPlacesFillAndTheNextNonMedicIsSurplus()
    {
        SendWave(Start);
        Answer("m1", RollCallStatus.Unavailable);
        Answer("p2", RollCallStatus.Unavailable);
        SendWave(Start.AddMinutes(1));

        Answer("p1", RollCallStatus.Acknowledged);
        Answer("p3", RollCallStatus.Acknowledged);
        Answer("p2", RollCallStatus.Acknowledged);
        var fill = WaveRules.Assign(_slot, _rollCall);

        Assert.Equal(["p1", "p3"], fill.Confirmed);
        Assert.Equal(["p2"], fill.Surplus);
        Assert.Contains(_slot.Asks, a => a.VolunteerId == "m2" && a.Wave == 1);
        Assert.Equal(0, WaveRules.Shortfall(_slot, _rollCall).Total);
    }

    [Fact]
    public void StoodDownPeopleHoldNoPostAndNeedHelpIsNotAConfirmation()
    {
        SendWave(Start);
        Answer("p1", RollCallStatus.NeedHelp);
        Answer("m1", RollCallStatus.AtPost);

        _board.RecordStandDown("aid", "m1");

        Assert.Null(_board.PostOf("m1", _rollCall));
        Assert.Null(_board.PostOf("p1", _rollCall));
        Assert.Equal((0, 1), (Summary.Confirmed, Summary.StoodDown));
    }

    [Fact]
    public void TheReserveIsThePreparedListThenTheNearestQualifiedPeople()
    {
        var point = new GeoPoint(27.70, 121.20);
        var post = new PostDefinition("aid", "救护点", 2, ["firstAid"], ["far"], 1, Filling: PostFilling.Waves, Point: point);
        PersonFacts[] people =
        [
            new("far", ["firstAid"], new GeoPoint(27.80, 121.20)),
            new("unskilled", [], new GeoPoint(27.70, 121.20)),
            new("nowhere", ["firstAid"], null),
            new("mid", ["firstAid"], new GeoPoint(27.72, 121.20)),
            new("near", ["FirstAid"], new GeoPoint(27.701, 121.20)),
        ];

        Assert.Equal(["far", "near", "mid", "nowhere"], WaveRules.Reserve(post, people));
    }
}
