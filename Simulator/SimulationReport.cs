namespace Lianxin.Simulator;

/// <summary>
/// What a run sent and what the server answered. Each new event's first answer counts once (accepted or rejected);
/// answers to re-sent events are counted apart; check-ins accepted are kept per center and minute of occurrence.
/// </summary>
public sealed record SimulationReport(
    long NewEvents,
    long EventsSent,
    long Batches,
    long Accepted,
    long Rejected,
    long DuplicateAnswers,
    long UnexpectedDuplicates,
    long FailedRequests,
    long Heartbeats,
    TimeSpan Elapsed,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    IReadOnlyDictionary<(string CenterId, DateTimeOffset Minute), int> AcceptedCheckIns,
    IReadOnlyList<string> RejectionReasons)
{
    /// <summary>New events answered per second.</summary>
    public double EventsPerSecond => Elapsed.TotalSeconds <= 0 ? 0 : (Accepted + Rejected) / Elapsed.TotalSeconds;

    public override string ToString() =>
        $"{NewEvents} new events in {Batches} batches ({EventsSent} sent with re-sends) in {Elapsed.TotalSeconds:0.0} s: "
        + $"{EventsPerSecond:0} events/s; accepted {Accepted}, rejected {Rejected}, duplicate answers {DuplicateAnswers}, "
        + $"unexpected duplicates {UnexpectedDuplicates}, failed requests {FailedRequests}, heartbeats {Heartbeats}; "
        + $"batch latency p50 {P50Ms:0.0} ms, p95 {P95Ms:0.0} ms, p99 {P99Ms:0.0} ms";
}
