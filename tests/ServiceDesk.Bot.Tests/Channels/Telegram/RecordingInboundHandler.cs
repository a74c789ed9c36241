using System.Collections.Concurrent;
using ServiceDesk.Bot.Channels.Telegram.Receiving;
using ServiceDesk.Core.Conversations;

namespace ServiceDesk.Bot.Tests.Channels.Telegram;

/// <summary>Stands in for the conversation engine: records what the adapter hands over.</summary>
public sealed class RecordingInboundHandler : ITelegramInboundHandler
{
    private readonly ConcurrentQueue<InboundMessage> _received = new();

    public IReadOnlyList<InboundMessage> Received => _received.ToList();

    public Func<InboundMessage, Task>? OnMessage { get; set; }

    public async Task HandleAsync(InboundMessage message, CancellationToken ct)
    {
        _received.Enqueue(message);
        if (OnMessage is { } on)
            await on(message);
    }

    public async Task WaitForCountAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_received.Count < count)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"expected {count} messages, got {_received.Count}");
            await Task.Delay(10);
        }
    }
}
