using Lianxin.Common;

namespace Lianxin.Grains.Tests.Activities;

public sealed class GroupCommitQueueTests
{
    [Fact]
    public async Task ItemsArrivingDuringACommitGoTogetherInTheNextInOrder()
    {
        var batches = new List<int[]>();
        var firstCommit = new TaskCompletionSource();
        var done = new TaskCompletionSource();
        var queue = new GroupCommitQueue<int>(
            async batch =>
            {
                batches.Add([.. batch]);
                if (batches.Count == 1)
                {
                    await firstCommit.Task;
                }

                if (batch.Contains(5))
                {
                    done.SetResult();
                }
            },
            maxBatch: 3);

        queue.Add(1);
        foreach (var item in new[] { 2, 3, 4, 5 })
        {
            queue.Add(item);
        }

        var waiting = queue.Waiting;
        firstCommit.SetResult();
        await done.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(4, waiting);
        Assert.Equal([[1], [2, 3, 4], [5]], batches);
    }
}
