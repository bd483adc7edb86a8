using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Npgsql;
using OpenTelemetry.Trace;

namespace Lianxin.Hosting.Operations;

/// <summary>
/// Spans only inside a recorded trace. OpenTelemetry makes a span object for every new root and for every span whose
/// parent arrives from elsewhere, recorded or not, so Orleans' own propagation (<c>AddActivityPropagation</c>) made two
/// at every grain call of every request, and a call that arrived without a trace began one of its own, a tenth of them
/// recorded with no request above them. A kiosk batch is a handful of grain calls: at 50,000 events a second that was
/// 1.4-1.8 µs an event, the largest part of what telemetry cost (BENCHMARKS.md (1s)). Here a call outside a recorded
/// trace costs one look at Orleans' request context, a statement one look at the current activity; a trace begins only
/// where a request enters a web host, and each actor's call in it is a server span under its caller's.
/// </summary>
public static class RecordedTrace
{
    /// <summary>Where a grain call's spans come from (covered by the <c>Lianxin.*</c> sources the tracer records).</summary>
    public const string GrainCallSource = "Lianxin.GrainCalls";

    private const string TraceParent = "traceparent";
    private const string TraceState = "tracestate";
    private static readonly ActivitySource GrainCalls = new(GrainCallSource);

    public static bool IsCurrent => System.Diagnostics.Activity.Current is { Recorded: true };

    /// <summary>A pool whose statements are spans of the recorded trace they run in, and of nothing else.</summary>
    public static NpgsqlDataSource DataSource(string connectionString) => new NpgsqlDataSourceBuilder(connectionString)
        .ConfigureTracing(tracing => tracing
            .ConfigureCommandFilter(_ => IsCurrent)
            .ConfigureBatchFilter(_ => IsCurrent)
            .ConfigureCopyOperationFilter(_ => IsCurrent))
        .Build();

    /// <summary>
    /// Begins a trace, for a share of them, only where a request enters a web host (a server span without a parent).
    /// A statement, a connection or an outbound call of background work is not a trace anyone follows; within a trace
    /// the parent's decision holds (<see cref="ParentBasedSampler"/>).
    /// </summary>
    internal sealed class RequestSampler(double ratio) : Sampler
    {
        private readonly TraceIdRatioBasedSampler _share = new(ratio);

        public override SamplingResult ShouldSample(in SamplingParameters parameters) =>
            parameters.Kind == ActivityKind.Server ? _share.ShouldSample(parameters) : new SamplingResult(SamplingDecision.Drop);
    }

    /// <summary>
    /// Carries a recorded request's trace into the actors it calls: Orleans' request context goes with every grain call
    /// the request makes. Set at the edge rather than by an outgoing call filter: any outgoing filter puts every call of
    /// every request through Orleans' filter chain, traced or not (0.5 µs a kiosk event, BENCHMARKS.md (1t)).
    /// </summary>
    public static Task IntoActors(HttpContext http, RequestDelegate next) => IsCurrent ? CarriedAsync(http, next) : next(http);

    private static async Task CarriedAsync(HttpContext http, RequestDelegate next)
    {
        // Set inside this method, the request context goes with this request only, not with the connection's next one.
        Carry(System.Diagnostics.Activity.Current!);
        await next(http);
    }

    private static void Carry(System.Diagnostics.Activity span)
    {
        RequestContext.Set(TraceParent, span.Id!);
        if (span.TraceStateString is { } state)
        {
            RequestContext.Set(TraceState, state);
        }
    }

    /// <summary>
    /// A server span where an actor runs a call that came from a recorded trace; the calls the actor makes meanwhile
    /// carry this span as their parent.
    /// </summary>
    internal sealed class IncomingCalls : IIncomingGrainCallFilter
    {
        public Task Invoke(IIncomingGrainCallContext context) =>
            RequestContext.Get(TraceParent) is string traceParent
            && ActivityContext.TryParse(traceParent, RequestContext.Get(TraceState) as string, isRemote: true, out var caller)
            && caller.TraceFlags.HasFlag(ActivityTraceFlags.Recorded)
                ? TracedAsync(context, caller)
                : context.Invoke();

        private static async Task TracedAsync(IIncomingGrainCallContext context, ActivityContext caller)
        {
            // Named and tagged as OpenTelemetry's RPC conventions have it, as Orleans' own spans were.
            using var span = GrainCalls.StartActivity($"{context.InterfaceName}/{context.MethodName}", ActivityKind.Server, caller);
            if (span is null)
            {
                await context.Invoke();
                return;
            }

            span.SetTag("rpc.system", "orleans")
                .SetTag("rpc.service", context.InterfaceName)
                .SetTag("rpc.method", context.MethodName)
                .SetTag("rpc.orleans.target_id", context.TargetId.ToString());
            Carry(span);
            try
            {
                await context.Invoke();
            }
            catch (Exception exception)
            {
                span.SetStatus(ActivityStatusCode.Error, exception.Message).AddException(exception);
                throw;
            }
        }
    }
}
