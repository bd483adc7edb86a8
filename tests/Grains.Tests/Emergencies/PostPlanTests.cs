using Lianxin.Emergencies;

namespace Lianxin.Grains.Tests.Emergencies;

public sealed class PostPlanTests
{
    private static readonly Dictionary<string, IReadOnlyList<string>> Skills = new()
    {
        ["a"] = ["firstAid"], ["b"] = [], ["c"] = ["firstAid", "medical"], ["outside"] = ["firstAid"],
    };

    private static readonly HashSet<string> Reached = ["a", "b", "c"];

    [Fact]
    public void AReserveMayNameOnlyExistingPeopleTheLaunchReachesWithTheRequiredSkills()
    {
        var post = new PostDefinition("aid", "救护点", 1, ["firstAid"], ["a", "ghost", "outside", "b"], 1);

        var refusals = PostPlan.CheckReserves([post], Reached, Skills);

        Assert.Equal(["posts[0].reserve[1]", "posts[0].reserve[2]", "posts[0].reserve[3]"], refusals.Select(r => r.Field));
        Assert.Contains("nobody", refusals[0].Message);
        Assert.Contains("not reached", refusals[1].Message);
        Assert.Contains("firstAid", refusals[2].Message);
    }

    [Fact]
    public void APostWithFewerPossiblePeopleThanItsQuotaOrSkillMixIsWarnedAbout()
    {
        var reachable = Skills.Where(s => Reached.Contains(s.Key)).ToDictionary();
        PostDefinition[] posts =
        [
            new("aid", "救护点", 3, ["firstAid"], [], 3),
            new("team", "抢险队", 2, [], [], 2, Filling: PostFilling.Waves, SkillMix: [new SkillNeed("medical", 2)]),
            new("fine", "巡查", 1, [], ["a"], 1),
        ];

        var warnings = PostPlan.Warnings(posts, reachable);

        Assert.Equal<(string, string?, int, int)>([("aid", null, 3, 2), ("team", "medical", 2, 1)], warnings.Select(w => (w.PostId, w.Skill, w.Needed, w.Available)));
    }
}
