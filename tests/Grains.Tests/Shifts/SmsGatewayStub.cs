using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Lianxin.TestSupport;

namespace Lianxin.Grains.Tests.Shifts;

/// <summary>
/// A stand-in SMS gateway on a real loopback port. It answers as <see cref="Mode"/> says: accepts (202) and keeps the
/// message, refuses (503), or holds the request until <see cref="Release"/> (a slow gateway). Every request is kept in
/// <see cref="Attempts"/> with its <c>Idempotency-Key</c>, accepted or not.
/// </summary>
public sealed class SmsGatewayStub : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SmsGatewayStub()
    {
        var port = FreePort.Next();
        Url = $"http://127.0.0.1:{port}/sms";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public enum Answer
    {
        Accept,
        Refuse,
        Hold,
    }

    public string Url { get; }

    public volatile Answer Mode = Answer.Accept;

    /// <summary>Every request: its idempotency key, its body, and whether it was accepted.</summary>
    public ConcurrentQueue<(string Key, JsonElement Message, bool Accepted)> Attempts { get; } = new();

    /// <summary>Requests waiting on a held answer.</summary>
    public int Held => _held;

    private int _held;

    /// <summary>The accepted messages to one phone.</summary>
    public IReadOnlyList<(string Key, JsonElement Message)> AcceptedFor(string phone) =>
        [.. Attempts.Where(a => a.Accepted && a.Message.GetProperty("recipients")[0].GetProperty("phone").GetString() == phone).Select(a => (a.Key, a.Message))];

    /// <summary>Lets every held request (and every later one) be accepted.</summary>
    public void Release()
    {
        Mode = Answer.Accept;
        _gate.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        _gate.TrySetResult();
        _listener.Stop();
        _listener.Close();
        await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var message = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.InputStream);
        var key = context.Request.Headers["Idempotency-Key"] ?? "";
        if (Mode == Answer.Hold)
        {
            Interlocked.Increment(ref _held);
            await _gate.Task;
            Interlocked.Decrement(ref _held);
        }

        var accepted = Mode == Answer.Accept;
        Attempts.Enqueue((key, message, accepted));
        context.Response.StatusCode = accepted ? 202 : 503;
        context.Response.Close();
    }
}
