using System.Collections.Concurrent;
using System.Diagnostics;
using ServiceDesk.Bot.Channels.Telegram.Receiving;
using ServiceDesk.Core.Conversations;

namespace ServiceDesk.Bench.Telegram;

/// <summary>Measures the engine turn (HandleAsync) inside the service run, to split update→reply time into turn and delivery.</summary>
public sealed class TimedInboundHandler(ConversationEngine engine) : ITelegramInboundHandler
{
    public ConcurrentQueue<double> TurnMs { get; } = new();

    public async Task HandleAsync(InboundMessage message, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        await engine.HandleAsync(message, ct);
        TurnMs.Enqueue(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }
}
