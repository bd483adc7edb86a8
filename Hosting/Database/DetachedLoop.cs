namespace Lianxin.Hosting.Database;

/// <summary>
/// Starts a loop that serves every caller for as long as its owner lives, apart from the context of whoever happened to
/// create the owner. Started from that context, the first request's trace (and Orleans' request context) would flow into
/// every statement the loop ever ran: a recorded trace would gain a span per commit for the life of the host.
/// </summary>
internal static class DetachedLoop
{
    public static Task Start(Func<Task> loop)
    {
        using (ExecutionContext.SuppressFlow())
        {
            return Task.Run(loop);
        }
    }
}
