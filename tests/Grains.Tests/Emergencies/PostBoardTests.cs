using Lianxin.Emergencies;

namespace Lianxin.Grains.Tests.Emergencies;

public sealed class PostBoardTests
{
    private static readonly DateTimeOffset Start = new(2026, 7, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly HashSet<string> NoneExcluded = [];

    private readonly RollCall _rollCall = new();
    private long _sequence;

    public PostBoardTests()
    {
        foreach (var person in new[] { "p1", "p2", "p3", "p4", "p5", "p6" })
        {
            _rollCall.Target(person, "g1");
        }
    }

    private static PostDefinition Post(string id, int quota, int askAtOnce, params string[] reserve) =>
        new(id, $"岗位{id}", quota, [], reserve, askAtOnce);

    private PostBoard Board(params PostDefinition[] posts)
    {
        var board = new PostBoard(posts);
        foreach (var slot in board.Slots)
        {
            slot.Reserve = slot.Definition.Reserve;
        }

        return board;
    }

    /// <summary>Asks who the board wants next, as the emergency does.</summary>
    private IReadOnlyList<string> AskNext(PostBoard board, string postId, IReadOnlySet<string>? excluded = null)
    {
        var slot = board.Find(postId)!;
        var asked = board.NextCandidates(slot, _rollCall, excluded ?? NoneExcluded, PostBoard.Wanted(slot, _rollCall));
        foreach (var person in asked)
        {
            board.RecordAsk(postId, person, ++_sequence, Start, Start.AddMinutes(10));
        }

        return asked;
    }

    private void Answer(string person, RollCallStatus status) =>
        _rollCall.Apply(new StatusChange(++_sequence, person, status, Start, RollCallChannel.App, person, false, null, null));

    [Fact]
    public void PeopleAreAskedInReserveOrderNAtOnce()
    {
        var board = Board(Post("dike", quota: 3, askAtOnce: 2, "p3", "p1", "p2", "p4"));

        Assert.Equal(["p3", "p1"], AskNext(board, "dike"));
        Assert.Empty(AskNext(board, "dike"));
    }

    [Fact]
    public void NoMoreAreAskedThanTheQuota()
    {
        var board = Board(Post("dike", quota: 1, askAtOnce: 5, "p1", "p2", "p3"));

        Assert.Equal(["p1"], AskNext(board, "dike"));
    }

    [Fact]
    public void ADeclineAsksTheNextOnTheList()
    {
        var board = Board(Post("dike", quota: 1, askAtOnce: 1, "p1", "p2", "p3"));
        AskNext(board, "dike");

        Answer("p1", RollCallStatus.Unavailable);

        Assert.Equal(["p2"], AskNext(board, "dike"));
        Assert.Equal(1, PostBoard.Summarize(board.Find("dike")!, _rollCall).Declined);
    }

    [Fact]
    public void SomeoneWhoNeedsHelpDoesNotCountForThePostAndTheNextIsAsked()
    {
        var board = Board(Post("dike", quota: 1, askAtOnce: 1, "p1", "p2"), Post("shelter", quota: 1, askAtOnce: 1, "p1"));
        AskNext(board, "dike");

        Answer("p1", RollCallStatus.NeedHelp);

        Assert.Equal(["p2"], AskNext(board, "dike"));
        Assert.Equal((0, 1), (PostBoard.Summarize(board.Find("dike")!, _rollCall).Accepted, PostBoard.Summarize(board.Find("dike")!, _rollCall).Declined));
        Assert.Null(board.PostOf("p1", _rollCall));
        Assert.Empty(AskNext(board, "shelter"));
    }

    [Fact]
    public void AnExpiredAskAsksTheNextOnTheList()
    {
        var board = Board(Post("dike", quota: 1, askAtOnce: 1, "p1", "p2"));
        AskNext(board, "dike");

        var overdue = board.Overdue(Start.AddMinutes(11), _rollCall).ToList();
        board.RecordExpiry("dike", overdue.Single().Ask.VolunteerId);

        Assert.Equal(["p2"], AskNext(board, "dike"));
        Assert.Equal(1, PostBoard.Summarize(board.Find("dike")!, _rollCall).Expired);
    }

    [Fact]
    public void AnAskIsNotOverdueBeforeItsDeadlineNorOnceAnswered()
    {
        var board = Board(Post("dike", quota: 2, askAtOnce: 2, "p1", "p2"));
        AskNext(board, "dike");
        Answer("p1", RollCallStatus.Acknowledged);

        Assert.Empty(board.Overdue(Start.AddMinutes(9), _rollCall));
        Assert.Equal(["p2"], board.Overdue(Start.AddMinutes(10), _rollCall).Select(o => o.Ask.VolunteerId));
        Assert.Equal(Start.AddMinutes(10), board.NextDeadline(_rollCall));
    }

    [Fact]
    public void APostIsFilledWhenItsQuotaStandsAtIt()
    {
        var board = Board(Post("dike", quota: 2, askAtOnce: 2, "p1", "p2", "p3"));
        AskNext(board, "dike");

        Answer("p1", RollCallStatus.AtPost);
        Answer("p2", RollCallStatus.EnRoute);
        var half = PostBoard.Summarize(board.Find("dike")!, _rollCall);
        Answer("p2", RollCallStatus.AtPost);
        var full = PostBoard.Summarize(board.Find("dike")!, _rollCall);

        Assert.False(half.Filled);
        Assert.True(full.Filled);
        Assert.Equal((2, 2, 0), (full.Accepted, full.AtPost, full.Pending));
        Assert.Empty(AskNext(board, "dike"));
    }

    [Fact]
    public void AnswersGivenBeforeTheAskDoNotAnswerIt()
    {
        var board = Board(Post("dike", quota: 1, askAtOnce: 1, "p1"));
        Answer("p1", RollCallStatus.Acknowledged);

        AskNext(board, "dike");

        Assert.Equal(1, PostBoard.Summarize(board.Find("dike")!, _rollCall).Pending);
    }

    [Fact]
    public void SomeoneWhoCannotComeOrHoldsAnotherPostIsNotAsked()
    {
        var board = Board(Post("dike", quota: 1, askAtOnce: 1, "p1"), Post("shelter", quota: 3, askAtOnce: 3, "p1", "p2", "p3", "p4"));
        AskNext(board, "dike");
        Answer("p2", RollCallStatus.Unavailable);

        Assert.Equal(["p3", "p4"], AskNext(board, "shelter"));
        Assert.Equal("dike", board.PostOf("p1", _rollCall));
    }

    [Fact]
    public void ExcludedPeopleAreSkippedForTheNextOnTheList()
    {
        var board = Board(Post("dike", quota: 2, askAtOnce: 2, "p1", "p2", "p3"));

        Assert.Equal(["p2", "p3"], AskNext(board, "dike", new HashSet<string> { "p1" }));
    }

    [Fact]
    public void AnEmptyReserveListMeansEveryoneWithTheSkills()
    {
        var post = new PostDefinition("aid", "救护点", 2, ["firstAid", "driving"], [], 2);
        (string, IReadOnlyList<string>)[] people =
        [
            ("p1", ["firstAid"]), ("p2", ["FIRSTAID", "driving"]), ("p3", ["driving", "firstAid", "cooking"]),
        ];

        Assert.Equal(["p2", "p3"], PostBoard.DeriveReserve(post, people));
    }
}
